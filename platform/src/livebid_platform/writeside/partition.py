"""One partition of a write side, decided record by record: pure apart from its own state.

`decide_record` turns a command record into the records to append (private events, their
public translations, or a dead letter); the processor writes them in one transaction.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

from aiokafka.structs import ConsumerRecord
from livebid.runtime.v1 import outcomes_pb2

from livebid_platform.consumer import dead_letter_headers
from livebid_platform.envelope import Envelope, EnvelopeError, decode, envelope, to_headers
from livebid_platform.writeside.decider import Decider, WriteSide

log = logging.getLogger(__name__)

Key = tuple[str, str]  # (decider name, aggregate id)
Output = tuple[str, bytes | None, list[tuple[str, bytes]], bytes]  # topic, value, headers, key


def output(topic: str, env: Envelope) -> Output:
    return topic, env.message.SerializeToString(), to_headers(env), env.key


@dataclass
class PartitionState:
    """The aggregates of one partition and the ids of the commands decided there."""

    states: dict[Key, Any] = field(default_factory=dict)
    decided: set[str] = field(default_factory=set)
    last_folded: str = ""  # the command whose events a rebuild is folding

    def state(self, decider: Decider, aggregate_id: str) -> Any:
        return self.states.get((decider.name, aggregate_id))

    def apply(self, decider: Decider, event: Any) -> Any:
        """Fold one event in; the aggregate's new state."""
        key = (decider.name, decider.aggregate_id(event))
        state = decider.evolve(self.states.get(key), event)
        if state is not None:  # an event about an aggregate that never existed creates none
            self.states[key] = state
        return state

    def apply_private(self, side: WriteSide, env: Envelope) -> None:
        """Fold one record of the private log (a rebuild).

        A command's records are contiguous (one transaction); a second run of records for a
        command already folded is a second decision of it, and the first one stands."""
        if env.causation_id in self.decided and env.causation_id != self.last_folded:
            log.warning(
                "skipped a second decision of a command", extra={"fields": {"event": env.event_id}}
            )
            return
        self.last_folded = env.causation_id
        if not isinstance(env.message, OUTCOME_MARKERS):
            decider, event = side.event(env.message)
            self.apply(decider, event)
        self.decided.add(env.causation_id)


OUTCOME_MARKERS = (outcomes_pb2.CommandRejected, outcomes_pb2.CommandHadNoEffect)


def decide_command(
    part: PartitionState, decider: Decider, command: Any, command_id: str
) -> list[tuple[Any, Any]]:
    """Decide a command and fold its events in: [(event, state after it)].

    A command id already decided gets no events: a retry has no second effect. Raises
    whatever `decide` raises (the command then stays undecided here)."""
    if command_id in part.decided:
        return []
    events = decider.decide(part.state(decider, decider.aggregate_id(command)), command)
    applied = [(event, part.apply(decider, event)) for event in events]
    part.decided.add(command_id)
    return applied


def decide_record(
    side: WriteSide, part: PartitionState, record: ConsumerRecord[bytes, bytes]
) -> list[Output]:
    """The records one command record causes; a retried command causes none."""
    try:
        env = decode(record.value, record.headers)
        decider, command = side.command(env.message, record.timestamp)
        aggregate_id = decider.aggregate_id(command)
    except (EnvelopeError, ValueError) as exc:
        return [_dead_letter(side, record, str(exc))]
    if not aggregate_id:
        return [_dead_letter(side, record, "the command names no aggregate")]
    command_id = env.event_id  # a command's CloudEvents id is its idempotent id
    if command_id in part.decided:
        return []
    meta = {
        "source": side.source,
        "subject": aggregate_id,
        "time_ms": record.timestamp,  # the log's time, never this process's clock
        "correlation_id": env.correlation_id,
        "causation_id": command_id,
        "request_digest": env.request_digest,  # private records only (see _event_records)
    }
    try:
        outputs = _event_records(
            side, decider, decide_command(part, decider, command, command_id), meta
        )
    except Exception as exc:
        code = decider.refusal_code(exc)
        if code is None:
            if not isinstance(exc, ValueError):  # a bug must not stop the whole partition
                log.exception("command failed")
            kind = "invalid command" if isinstance(exc, ValueError) else type(exc).__name__
            return [_dead_letter(side, record, f"{kind}: {exc}")]
        marker = outcomes_pb2.CommandRejected(
            command_id=command_id, aggregate_id=aggregate_id, code=code, reason=str(exc)
        )
        outputs = [output(side.private.name, envelope(marker, event_id=f"{command_id}/0", **meta))]
    if not outputs and env.source == side.deadline_source:
        # An end asked for too early or too late: nobody waits for its answer, and leaving
        # no trace keeps a replay (whose scheduler asks at other moments) byte for byte.
        part.decided.discard(command_id)
        return []
    if not outputs:
        no_effect = outcomes_pb2.CommandHadNoEffect(
            command_id=command_id, aggregate_id=aggregate_id
        )
        outputs = [
            output(side.private.name, envelope(no_effect, event_id=f"{command_id}/0", **meta))
        ]
    part.decided.add(command_id)
    return outputs


def public_command_ref(command_id: str) -> str:
    """What public events may say of the command that caused them: a command id holds a
    user's id and their idempotency key, which other teams and other users must not see."""
    return hashlib.sha256(command_id.encode()).hexdigest()[:24]


def _event_records(
    side: WriteSide, decider: Decider, applied: list[tuple[Any, Any]], meta: dict[str, Any]
) -> list[Output]:
    """Each event as a private record, plus its public translations."""
    outputs: list[Output] = []
    ref = public_command_ref(meta["causation_id"])
    public_meta = meta | {"causation_id": ref, "request_digest": ""}
    if meta["correlation_id"] == meta["causation_id"]:  # an envelope's default: the id itself
        public_meta["correlation_id"] = ref
    for i, (event, state) in enumerate(applied):
        # Ids derive from the aggregate and the command: a replay yields the same ids.
        event_id = f"{meta['subject']}/{meta['causation_id']}/{i}"
        private = envelope(decider.codec.event_to_proto(event), event_id=event_id, **meta)
        outputs.append(output(side.private.name, private))
        if side.public is None:
            continue
        for j, public in enumerate(decider.public(event, state)):
            public_id = f"{meta['subject']}/{ref}/{i}.{j}"
            outputs.append(
                output(side.public.name, envelope(public, event_id=public_id, **public_meta))
            )
    return outputs


def _dead_letter(side: WriteSide, record: ConsumerRecord[bytes, bytes], reason: str) -> Output:
    log.warning(
        "dead-lettered a command", extra={"fields": {"offset": record.offset, "reason": reason}}
    )
    headers = dead_letter_headers(record, reason, side.group_id)
    # A write side's dead letters stay its own: commands may hold private data.
    return side.dead_letter.name, record.value, headers, record.key or b""
