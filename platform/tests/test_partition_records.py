"""What the runtime writes for one command record (no broker): private events name their
command; public events never carry the command id, which holds a user's id and key."""

from __future__ import annotations

from aiokafka.structs import ConsumerRecord
from counter_example import COUNTERS, CounterOpened, Incremented, counter_side
from livebid.examples.v1 import counter_pb2 as pb

from livebid_platform.envelope import Envelope, envelope, header_map, to_headers
from livebid_platform.writeside.mirrored import to_proto
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


def test_a_rebuild_keeps_the_first_decision_of_a_command_the_log_holds_twice() -> None:
    """A batch decided again after a takeover (see Processor.rebuild) leaves a second run of
    records for the same commands; folding must not apply them a second time."""

    def private(event: object, command_id: str) -> Envelope:
        return envelope(
            to_proto(event, pb), event_id=f"c1/{command_id}/0", source="t", subject="c1",
            time_ms=0, causation_id=command_id,
        )  # fmt: skip

    log = [
        private(CounterOpened("c1", 9, 100), "open"),
        private(Incremented("c1", 2, 2, 1), "i1"),
        private(Incremented("c1", 3, 5, 2), "i2"),
        private(Incremented("c1", 2, 2, 1), "i1"),  # i1 decided a second time, in a later batch
    ]
    part = PartitionState()
    for env in log:
        part.apply_private(SIDE, env)
    assert part.state(COUNTERS, "c1").total == 5
    assert part.decided == {"open", "i1", "i2"}
