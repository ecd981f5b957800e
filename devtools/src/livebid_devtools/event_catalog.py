"""Generate the event catalog and the AsyncAPI document, so neither is ever written twice.

    python -m livebid_devtools.event_catalog           # (re)write both
    python -m livebid_devtools.event_catalog --check   # exit 1 if either is stale

From the topic declarations (`livebid_platform.topics`: key, partitions, retention, the
event types each public topic carries), who writes and reads them
(`livebid_platform.access`), and the protos with their comments (`buf build`):

- `docs/event-catalog.md`: every public topic and every event type, its fields with their
  comments, and an example payload;
- `docs/asyncapi.yaml`: the same as an AsyncAPI 3.0 document (validated in the tests against
  the published AsyncAPI 3 schema from npm's `@asyncapi/specs`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from google.protobuf import descriptor_pb2

from livebid_platform.access import ACCESS
from livebid_platform.topics import ALL_TOPICS, TopicSpec

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "docs/event-catalog.md"
ASYNCAPI = ROOT / "docs/asyncapi.yaml"
FDP = descriptor_pb2.FieldDescriptorProto
SCALARS = {
    FDP.TYPE_STRING: ("string", "string"),
    FDP.TYPE_BOOL: ("bool", "boolean"),
    FDP.TYPE_INT32: ("int32", "integer"),
    FDP.TYPE_INT64: ("int64", "string"),  # proto3 JSON writes 64-bit integers as strings
    FDP.TYPE_UINT32: ("uint32", "integer"),
    FDP.TYPE_UINT64: ("uint64", "string"),
    FDP.TYPE_DOUBLE: ("double", "number"),
    FDP.TYPE_BYTES: ("bytes", "string"),
}
HEADERS = ("ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "ce_correlationid")


class Protos:
    """Messages and enums by full name, with the comments written above them."""

    def __init__(self, files: descriptor_pb2.FileDescriptorSet) -> None:
        self.messages: dict[str, descriptor_pb2.DescriptorProto] = {}
        self.enums: dict[str, descriptor_pb2.EnumDescriptorProto] = {}
        self.comments: dict[tuple[str, str], str] = {}  # (message, field or "") -> text
        for file in files.file:
            comments = {
                tuple(loc.path): loc.leading_comments.strip()
                for loc in file.source_code_info.location
                if loc.leading_comments.strip()
            }
            for m, message in enumerate(file.message_type):
                name = f"{file.package}.{message.name}"
                self.messages[name] = message
                self.comments[(name, "")] = comments.get((4, m), "")
                for f, fld in enumerate(message.field):
                    self.comments[(name, fld.name)] = comments.get((4, m, 2, f), "")
            for enum in file.enum_type:
                self.enums[f"{file.package}.{enum.name}"] = enum

    def field_type(self, fld: descriptor_pb2.FieldDescriptorProto) -> str:
        kind = SCALARS[fld.type][0] if fld.type in SCALARS else fld.type_name.lstrip(".")
        return f"repeated {kind}" if fld.label == FDP.LABEL_REPEATED else kind

    def example(self, name: str, depth: int = 0) -> dict[str, Any]:
        """An example payload in protobuf's JSON mapping: plausible values by field name."""
        out: dict[str, Any] = {}
        for fld in self.messages[name].field:
            value = self._example_value(fld, depth)
            if value is not None:
                out[fld.json_name] = [value] if fld.label == FDP.LABEL_REPEATED else value
        return out

    def _example_value(self, fld: descriptor_pb2.FieldDescriptorProto, depth: int) -> Any:
        n = fld.name
        if fld.type == FDP.TYPE_MESSAGE:
            nested = fld.type_name.lstrip(".")
            return self.example(nested, depth + 1) if depth < 2 and nested in self.messages else {}
        if fld.type == FDP.TYPE_ENUM:
            values = self.enums[fld.type_name.lstrip(".")].value
            return values[1].name if len(values) > 1 else values[0].name
        if fld.type == FDP.TYPE_BOOL:
            return True
        if fld.type in (FDP.TYPE_STRING, FDP.TYPE_BYTES):
            if n == "currency":
                return "USD"
            return f"{n.removesuffix('_id')}-1" if n.endswith("_id") else f"<{n}>"
        number = 1764680400000 if n.endswith("_ms") else 2500 if n.endswith("_cents") else 2
        return str(number) if SCALARS[fld.type][1] == "string" else number

    def json_schema(self, name: str, depth: int = 0) -> dict[str, Any]:
        """The message as a JSON Schema of its protobuf JSON mapping (AsyncAPI payload)."""
        properties: dict[str, Any] = {}
        for fld in self.messages[name].field:
            if fld.type == FDP.TYPE_MESSAGE:
                nested = fld.type_name.lstrip(".")
                schema: dict[str, Any] = (
                    self.json_schema(nested, depth + 1) if depth < 3 else {"type": "object"}
                )
            elif fld.type == FDP.TYPE_ENUM:
                enum = self.enums[fld.type_name.lstrip(".")]
                schema = {"type": "string", "enum": [v.name for v in enum.value]}
            else:
                schema = {"type": SCALARS[fld.type][1]}
            if fld.label == FDP.LABEL_REPEATED:
                schema = {"type": "array", "items": schema}
            if text := self.comments.get((name, fld.name)):
                schema["description"] = text
            properties[fld.json_name] = schema
        out: dict[str, Any] = {"type": "object", "properties": properties}
        if text := self.comments.get((name, "")):
            out["description"] = text
        return out


def load_protos() -> Protos:
    with tempfile.TemporaryDirectory() as scratch:
        image = Path(scratch) / "protos.binpb"
        buf = ROOT / ".venv/bin/buf"
        subprocess.run(
            [str(buf), "build", str(ROOT / "protos"), "--as-file-descriptor-set", "-o", str(image)],
            check=True,
        )
        return Protos(descriptor_pb2.FileDescriptorSet.FromString(image.read_bytes()))


def producers(topic: TopicSpec) -> list[str]:
    return [a.user for a in ACCESS if topic in a.writes]


def consumers(topic: TopicSpec) -> list[str]:
    return [a.user for a in ACCESS if topic in a.reads and topic not in a.writes]


def retention(topic: TopicSpec) -> str:
    ms = topic.configs.get("retention.ms", "")
    kept = "forever" if ms == "-1" else f"{ms} ms" if ms else "broker default"
    return f"{kept}, {topic.configs.get('cleanup.policy', 'delete')}"


def catalog(protos: Protos) -> str:
    public = [t for t in ALL_TOPICS if t.public]
    lines = [
        "# Event catalog",
        "",
        "<!-- GENERATED by `python -m livebid_devtools.event_catalog` (make gen) from",
        "livebid_platform/topics.py, livebid_platform/access.py and protos/. Do not edit. -->",
        "",
        "The topics other teams may consume, and every event type on them. How to consume them",
        "(ordering, transactions, deduplication, the SDK, webhooks, how contracts evolve):",
        "[consuming-events.md](consuming-events.md). The same as AsyncAPI 3:",
        "[asyncapi.yaml](asyncapi.yaml).",
        "",
        "| topic | key | partitions | retention | producer | consumers here |",
        "|---|---|---|---|---|---|",
    ]
    for t in public:
        row = [f"`{t.name}`", t.key, str(t.partitions), retention(t)]
        row += [", ".join(producers(t)), ", ".join(consumers(t)) or "-"]
        lines.append("| " + " | ".join(row) + " |")
    for t in public:
        lines += ["", f"## `{t.name}`", "", t.about, ""]
        for event in t.events:
            lines += _event_section(protos, event)
    return "\n".join(lines) + "\n"


def _event_section(protos: Protos, event: str) -> list[str]:
    message = protos.messages[event]
    lines = [f"### `{event}`", ""]
    if text := protos.comments[(event, "")]:
        lines += [" ".join(text.split()), ""]
    lines += ["| field | type | meaning |", "|---|---|---|"]
    for fld in message.field:
        meaning = " ".join(protos.comments[(event, fld.name)].split())
        lines.append(f"| `{fld.name}` | `{protos.field_type(fld)}` | {meaning} |")
    example = json.dumps(protos.example(event), indent=2)
    return [*lines, "", "Example (protobuf JSON mapping):", "", "```json", example, "```", ""]


def _component(event: str) -> str:
    return event.replace(".", "_")  # AsyncAPI component names allow no dots


def asyncapi(protos: Protos) -> dict[str, Any]:
    public = [t for t in ALL_TOPICS if t.public]
    events = sorted({e for t in public for e in t.events})
    header_schema = {
        "type": "object",
        "description": "CloudEvents attributes, one Kafka header each (binary mode).",
        "properties": {h: {"type": "string"} for h in (*HEADERS, "traceparent")},
        "required": list(HEADERS[:4]),
    }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Livebid public events",
            "version": "1.0.0",
            "description": "Integration events of the Livebid platform (generated).",
        },
        "defaultContentType": "application/protobuf",
        "channels": {
            t.name.replace(".", "-"): {
                "address": t.name,
                "description": f"{t.about} Key: {t.key}. Partitions: {t.partitions}.",
                "messages": {
                    _component(e): {"$ref": f"#/components/messages/{_component(e)}"}
                    for e in t.events
                },
            }
            for t in public
        },
        "operations": {
            f"publish-{t.name.replace('.', '-')}": {
                "action": "send",
                "channel": {"$ref": f"#/channels/{t.name.replace('.', '-')}"},
                "summary": f"Written by {', '.join(producers(t))}.",
            }
            for t in public
        },
        "components": {
            "messages": {
                _component(e): {
                    "name": e,
                    "title": e.rsplit(".", 1)[1],
                    "contentType": "application/protobuf",
                    "headers": header_schema,
                    "payload": protos.json_schema(e),
                    "examples": [{"payload": protos.example(e)}],
                }
                for e in events
            }
        },
    }


def generated() -> dict[Path, str]:
    protos = load_protos()
    document = yaml.safe_dump(asyncapi(protos), sort_keys=False, width=100)
    header = "# GENERATED by `python -m livebid_devtools.event_catalog` (make gen). Do not edit.\n"
    return {CATALOG: catalog(protos), ASYNCAPI: header + document}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is stale")
    args = parser.parse_args()
    stale = []
    for path, content in generated().items():
        if path.exists() and path.read_text() == content:
            continue
        if args.check:
            stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(content)
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(f"stale generated docs (run `make gen`): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
