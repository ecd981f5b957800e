"""How a service declares its write side: one `Decider` per aggregate, grouped in a `WriteSide`.

A decider is the pure domain (`decide`, `evolve`) plus what the runtime needs to run it on
Kafka: the aggregate id of a command or event, the codec to and from protobuf, the public
translation of private events, and an optional deadline with the command that ends it.
The runtime (`processor.py`) runs every decider of a write side the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import Message

from livebid_platform.topics import TopicSpec

# A command decoded from its record: the payload and the record's log time in ms.
CommandDecoder = Callable[[Message, int], Any]
EventDecoder = Callable[[Message], Any]


def no_public_events(event: Any, state: Any) -> list[Message]:
    """For aggregates whose events stay private."""
    return []


@dataclass(frozen=True)
class Codec:
    """Protobuf to domain and back for one aggregate; keyed by generated message class."""

    commands: Mapping[type[Message], CommandDecoder]
    events: Mapping[type[Message], EventDecoder]
    event_to_proto: Callable[[Any], Message]


@dataclass(frozen=True)
class Decider:
    """One aggregate type, as the runtime sees it."""

    name: str
    decide: Callable[[Any, Any], list[Any]]  # (state or None, command) -> events
    evolve: Callable[[Any, Any], Any]  # (state or None, event) -> state (None: nothing)
    aggregate_id: Callable[[Any], str]  # of a domain command or event
    codec: Codec
    public: Callable[[Any, Any], list[Message]] = no_public_events  # (event, state after)
    # When the aggregate must end, if it is open (wall-clock ms, compared with log time).
    deadline: Callable[[Any], int | None] | None = None
    # The command that ends it: (aggregate id, command id) -> command message.
    on_deadline: Callable[[str, str], Message] | None = None
    # Refusals `decide` may raise, each with the stable code the caller gets back.
    refusals: Mapping[type[Exception], str] = field(default_factory=dict)

    def refusal_code(self, exc: Exception) -> str | None:
        for kind, code in self.refusals.items():
            if isinstance(exc, kind):
                return code
        return None


@dataclass(frozen=True)
class Rejected:
    """A command the aggregate refused (recorded in the private log as CommandRejected)."""

    command_id: str
    aggregate_id: str
    code: str
    reason: str


@dataclass(frozen=True)
class NoEffect:
    """A valid command that changed nothing (recorded as CommandHadNoEffect)."""

    command_id: str
    aggregate_id: str


@dataclass(frozen=True)
class WriteSide:
    """A service's write side: its deciders and the topics they run on.

    `commands` and `private` must have the same partition count: the owner of command
    partition N rebuilds its aggregates from private partition N (same key, same number).
    """

    name: str  # e.g. "bidding": the consumer group is "<name>-processor"
    source: str  # ce_source of the events it writes, e.g. "livebid.bidding"
    commands: TopicSpec
    private: TopicSpec
    dead_letter: TopicSpec
    deciders: tuple[Decider, ...]
    public: TopicSpec | None = None
    _by_command: dict[type[Message], Decider] = field(init=False, repr=False, compare=False)
    _by_event: dict[type[Message], Decider] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.commands.partitions != self.private.partitions:
            raise ValueError(f"{self.name}: commands and private topics differ in partitions")
        by_command: dict[type[Message], Decider] = {}
        by_event: dict[type[Message], Decider] = {}
        for decider in self.deciders:
            for registry, types in (
                (by_command, decider.codec.commands),
                (by_event, decider.codec.events),
            ):
                for message_type in types:
                    if message_type in registry:
                        raise ValueError(f"{message_type.__name__} belongs to two deciders")
                    registry[message_type] = decider
        object.__setattr__(self, "_by_command", by_command)
        object.__setattr__(self, "_by_event", by_event)

    @property
    def group_id(self) -> str:
        return f"{self.name}-processor"

    @property
    def deadline_source(self) -> str:
        """The ce_source of the ending commands the runtime appends itself."""
        return f"{self.source}.deadlines"

    def decider(self, name: str) -> Decider:
        return next(d for d in self.deciders if d.name == name)

    def command(self, message: Message, at_ms: int) -> tuple[Decider, Any]:
        """The decider of a command message and the command as a domain object."""
        decider = self._by_command.get(type(message))
        if decider is None:
            raise ValueError(f"not a {self.name} command: {message.DESCRIPTOR.full_name}")
        return decider, decider.codec.commands[type(message)](message, at_ms)

    def event(self, message: Message) -> tuple[Decider, Any]:
        """The decider of a private event message and the event as a domain object."""
        decider = self._by_event.get(type(message))
        if decider is None:
            raise ValueError(f"not a {self.name} event: {message.DESCRIPTOR.full_name}")
        return decider, decider.codec.events[type(message)](message)
