"""A codec for domain modules whose protobuf messages mirror their frozen dataclasses field
by field (same names): enums map by member name under the protobuf enum's prefix, nested
dataclasses to nested messages of the same name, tuples to repeated fields. A command's time
is its record's log time, so a command's `at_ms` is never read from the message."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable
from enum import Enum
from types import ModuleType
from typing import Any

from google.protobuf.message import Message

from livebid_platform.writeside.decider import Codec


def _enum_prefix(enum_name: str) -> str:
    return "".join(f"_{ch}" if ch.isupper() else ch.upper() for ch in enum_name).lstrip("_") + "_"


def to_proto(obj: object, proto_module: ModuleType) -> Message:
    """The message of `proto_module` named like `obj`'s class, field for field."""
    proto_cls: type[Message] = getattr(proto_module, type(obj).__name__)
    fields: dict[str, object] = {}
    for name, value in vars(obj).items():
        if name == "at_ms" and "at_ms" not in proto_cls.DESCRIPTOR.fields_by_name:
            continue  # a command's time is its record's log time, not a field
        if isinstance(value, Enum):
            value = f"{_enum_prefix(type(value).__name__)}{value.name}"
        elif dataclasses.is_dataclass(value):
            value = to_proto(value, proto_module)
        elif isinstance(value, tuple):
            value = list(value)
        fields[name] = value
    return proto_cls(**fields)


def from_proto(domain_cls: type, msg: Message, at_ms: int | None = None) -> Any:
    """The dataclass `domain_cls` from its mirrored message (`at_ms`: the log time)."""
    hints = typing.get_type_hints(domain_cls)
    fields: dict[str, object] = {}
    for f in dataclasses.fields(domain_cls):
        if f.name == "at_ms" and at_ms is not None and not hasattr(msg, "at_ms"):
            fields["at_ms"] = at_ms
            continue
        value = getattr(msg, f.name)
        kind = hints[f.name]
        if isinstance(kind, type) and issubclass(kind, Enum):
            label = msg.DESCRIPTOR.fields_by_name[f.name].enum_type.values_by_number[value].name
            value = kind[label.removeprefix(_enum_prefix(kind.__name__))]
        elif isinstance(kind, type) and dataclasses.is_dataclass(kind):
            value = from_proto(kind, value)
        elif typing.get_origin(kind) is tuple:
            value = tuple(value)
        fields[f.name] = value
    return domain_cls(**fields)


def mirrored_codec(
    proto_module: ModuleType, commands: Iterable[type], events: Iterable[type]
) -> Codec:
    """The codec of domain `commands` and `events` mirrored in `proto_module`."""

    def command_decoder(cls: type) -> Any:
        return lambda msg, at_ms: from_proto(cls, msg, at_ms)

    def event_decoder(cls: type) -> Any:
        return lambda msg: from_proto(cls, msg)

    return Codec(
        commands={getattr(proto_module, c.__name__): command_decoder(c) for c in commands},
        events={getattr(proto_module, e.__name__): event_decoder(e) for e in events},
        event_to_proto=lambda event: to_proto(event, proto_module),
    )
