"""What a committed batch tells the metrics: each command's result, how long it waited for
its decision, and how late each deadline was ended. Read from the records the batch wrote,
so the decision path itself stays free of bookkeeping."""

from __future__ import annotations

import re
import time

from aiokafka.structs import ConsumerRecord
from google.protobuf.message import Message
from livebid.runtime.v1 import outcomes_pb2

from livebid_platform import metrics
from livebid_platform.envelope import decode
from livebid_platform.writeside.decider import WriteSide
from livebid_platform.writeside.partition import Output

REJECTED = outcomes_pb2.CommandRejected.DESCRIPTOR.full_name
NO_EFFECT = outcomes_pb2.CommandHadNoEffect.DESCRIPTOR.full_name

Decided = tuple[ConsumerRecord[bytes, bytes], list[Output], dict[str, int]]


def _header(headers: object, name: str) -> str:
    for key, value in headers or ():  # type: ignore[attr-defined]
        if key == name:
            return bytes(value).decode(errors="replace")
    return ""


def result_of(side: WriteSide, outputs: list[Output]) -> tuple[str, str]:
    """(result, reason) of one command, from the records its decision wrote.

    A refusal is the runtime's CommandRejected marker, or a domain event named
    `...Rejected` (a refused bid is an event: it counts toward the bidder's rate limit);
    the reason is the marker's code or the event's `reason` field."""
    if not outputs:
        return "duplicate", ""  # already decided (a retry), or an end asked for too early
    topic, value, headers, _ = outputs[0]
    if topic == side.dead_letter.name:
        return "dead_lettered", ""
    kind = _header(headers, "ce_type")
    if kind == REJECTED:
        return "rejected", outcomes_pb2.CommandRejected.FromString(value or b"").code
    if kind == NO_EFFECT:
        return "no_effect", ""
    if kind.endswith("Rejected"):
        return "rejected", _reason(decode(value, list(headers)).message)
    return "accepted", ""


def _reason(event: Message) -> str:
    field = event.DESCRIPTOR.fields_by_name.get("reason")
    if field is None:
        return ""
    value = event.reason
    if field.enum_type is not None:
        # buf style prefixes each value with its enum's name: REJECTION_REASON_TOO_LOW.
        prefix = re.sub(r"(?<!^)(?=[A-Z])", "_", field.enum_type.name).upper() + "_"
        return str(field.enum_type.values_by_number[value].name).removeprefix(prefix).lower()
    return str(value)


def observe_decisions(side: WriteSide, decided: list[Decided]) -> None:
    committed_ms = time.time() * 1000
    for record, outputs, deadlines in decided:
        waited_s = max(0.0, committed_ms - record.timestamp) / 1000
        metrics.DECISION_LATENCY.labels(side.name).observe(waited_s)
        command = _header(record.headers, "ce_type").rpartition(".")[2] or "unreadable"
        result, reason = result_of(side, outputs)
        metrics.COMMANDS.labels(side.name, command, result, reason).inc()
        if result == "dead_lettered":
            metrics.DEAD_LETTERS.labels(record.topic, side.group_id).inc()
        ended = (
            result == "accepted" and _header(record.headers, "ce_source") == side.deadline_source
        )
        for decider, deadline in deadlines.items() if ended else ():
            lateness_s = max(0, record.timestamp - deadline) / 1000
            metrics.CLOSE_LATENESS.labels(side.name, decider).observe(lateness_s)
