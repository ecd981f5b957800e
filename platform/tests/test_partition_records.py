"""What the runtime writes for one command record (no broker): private events name their
command; public events never carry the command id, which holds a user's id and key."""

from __future__ import annotations

from aiokafka.structs import ConsumerRecord
from counter_example import counter_side
from livebid.examples.v1 import counter_pb2 as pb

from livebid_platform.envelope import envelope, header_map, to_headers
from livebid_platform.writeside.partition import PartitionState, decide_record

SIDE = counter_side("unit")


def record(
    message: object, command_id: str, at_ms: int, offset: int
) -> ConsumerRecord[bytes, bytes]:
    env = envelope(message, event_id=command_id, source="t", subject="c1", time_ms=at_ms)  # type: ignore[arg-type]
    return ConsumerRecord(
        SIDE.commands.name, 0, offset, at_ms, 1, b"c1", env.message.SerializeToString(),
        None, 2, 0, tuple(to_headers(env)),
    )  # fmt: skip


def test_public_events_do_not_carry_the_command_id_private_ones_do() -> None:
    part = PartitionState()
    decide_record(
        SIDE,
        part,
        record(pb.OpenCounter(counter_id="c1", limit=3, duration_ms=10), "open:seller-1:k", 0, 0),
    )
    outputs = decide_record(
        SIDE, part, record(pb.CloseCounter(counter_id="c1"), "close:alice:secret-key", 50, 1)
    )
    private = [o for o in outputs if o[0] == SIDE.private.name]
    public = [o for o in outputs if SIDE.public and o[0] == SIDE.public.name]
    assert len(private) == 1 and len(public) == 1
    assert header_map(private[0][2])["ce_causationid"] == "close:alice:secret-key"
    _, value, headers, _ = public[0]
    wire = (value or b"") + b"".join(v for _, v in headers)
    assert b"alice" not in wire and b"secret-key" not in wire


def test_a_retried_command_writes_nothing_and_a_malformed_one_is_dead_lettered() -> None:
    part = PartitionState()
    opened = record(pb.OpenCounter(counter_id="c1", limit=3, duration_ms=10), "open", 0, 0)
    assert decide_record(SIDE, part, opened)
    assert decide_record(SIDE, part, opened) == []
    [(topic, _, headers, _)] = decide_record(
        SIDE, part, record(pb.Increment(counter_id="c1", by=-1), "bad", 1, 2)
    )
    assert topic == SIDE.dead_letter.name
    assert header_map(headers)["dlq_reason"] == "invalid command: an increment must be positive"
