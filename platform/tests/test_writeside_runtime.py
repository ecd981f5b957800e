"""The write-side runtime on its own, on a real broker, with a tiny decider of its own
(`counter_example`): decisions through the gateway, deduplicated retries, refusals, dead
letters with reasons, ends appended by the runtime and decided on log time, and a second
replica taking over a stopped one's partitions with their state."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter as Tally

import pytest
from counter_example import COUNTERS, CounterClosed, CounterOpened, Incremented, counter_side
from livebid.examples.v1 import counter_pb2 as pb

from livebid_platform.consumer import read_to_end
from livebid_platform.envelope import decode, envelope
from livebid_platform.producer import durable_producer, publish
from livebid_platform.service import CommandSide, caught_up
from livebid_platform.topics import ensure_topics
from livebid_platform.writeside import KeyReused, NoDecisionYet, Processor, Rejected, WriteSide

pytestmark = pytest.mark.integration


class Harness:
    """A write side's topics, its processors, and a client (gateway + decisions)."""

    def __init__(self, bootstrap: str, side: WriteSide) -> None:
        self.bootstrap = bootstrap
        self.side = side
        self.processors: dict[str, asyncio.Task[None]] = {}
        self.running: dict[str, Processor] = {}

    async def __aenter__(self) -> Harness:
        side = self.side
        specs = (
            side.commands,
            side.private,
            side.dead_letter,
            *([side.public] if side.public else []),
        )
        await ensure_topics(self.bootstrap, specs)
        self.producer = durable_producer(self.bootstrap)
        await self.producer.start()
        self.client = CommandSide.build(self.bootstrap, side, self.producer, "test")
        self.client.gateway.timeout_s = 40.0  # a takeover waits out the session timeout
        self.follow = asyncio.create_task(self.client.follower.run())
        await caught_up(self.client.follower, self.follow)
        return self

    async def __aexit__(self, *exc: object) -> None:
        for name in list(self.processors):
            await self.stop(name)
        self.follow.cancel()
        await self.producer.stop()

    async def start(self, replica: str) -> None:
        processor = Processor(self.side, self.bootstrap, replica=replica)
        self.running[replica] = processor
        self.processors[replica] = asyncio.create_task(processor.run())
        await asyncio.wait_for(processor.ready.wait(), 60)

    async def stop(self, replica: str) -> None:
        task = self.processors.pop(replica)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    async def send(self, message: object, command_id: str, counter_id: str) -> object:
        event, _ = await self.client.gateway.submit(message, command_id, counter_id)  # type: ignore[arg-type]
        return event

    def state(self, counter_id: str) -> object:
        return self.client.decisions.state(COUNTERS, counter_id)

    async def private_events(self) -> list[tuple[str, object]]:
        """(causing command id, domain event) of every event in the private log."""
        out = []
        async for record in read_to_end(self.bootstrap, self.side.private.name):
            env = decode(record.value, record.headers)
            if not env.event_type.startswith("livebid.runtime."):
                out.append((env.causation_id, self.side.event(env.message)[1]))
        return out


async def test_decisions_retries_refusals_dead_letters_and_ends_on_log_time(
    kafka_bootstrap: str,
) -> None:
    async with Harness(kafka_bootstrap, counter_side(uuid.uuid4().hex[:8])) as h:
        await h.start("a")
        opened = await h.send(
            pb.OpenCounter(counter_id="c1", limit=5, duration_ms=2_000), "open", "c1"
        )
        assert isinstance(opened, CounterOpened)

        first = await h.send(pb.Increment(counter_id="c1", by=3), "inc-1", "c1")
        again = await h.send(pb.Increment(counter_id="c1", by=3), "inc-1", "c1")
        assert isinstance(first, Incremented) and first.total == 3 and again == first

        refused = await h.send(pb.Increment(counter_id="c1", by=3), "inc-2", "c1")
        assert isinstance(refused, Rejected) and refused.code == "over_limit"
        assert (
            await h.send(pb.Increment(counter_id="c9", by=1), "inc-3", "c9")
        ).code == "not_found"  # type: ignore[attr-defined]

        # A malformed command (a non-positive increment) is dead-lettered with the reason.
        h.client.gateway.timeout_s = 2.0
        with pytest.raises(NoDecisionYet):
            await h.send(pb.Increment(counter_id="c1", by=0), "inc-bad", "c1")
        dead = [r async for r in read_to_end(kafka_bootstrap, h.side.dead_letter.name)]
        reasons = [dict(r.headers)["dlq_reason"].decode() for r in dead]
        assert reasons == ["invalid command: an increment must be positive"]

        # Nobody closes it: the runtime appends the end when the deadline passes, and the
        # processor closes on the end command's log time, not before the deadline.
        for _ in range(100):
            if getattr(h.state("c1"), "closed", False):
                break
            await asyncio.sleep(0.05)
        events = [e for _, e in await h.private_events()]
        [closed] = [e for e in events if isinstance(e, CounterClosed)]
        assert closed.total == 3 and closed.at_ms >= opened.deadline_ms
        late = await h.send(pb.Increment(counter_id="c1", by=1), "inc-4", "c1")
        assert isinstance(late, Rejected) and late.code == "closed"
        assert [e for e in events if isinstance(e, Incremented)] == [first]

        public = [
            decode(r.value, r.headers)
            async for r in read_to_end(kafka_bootstrap, h.side.public.name)
        ]  # type: ignore[union-attr]
        assert [p.event_type for p in public] == ["livebid.examples.v1.CounterClosed"]


async def test_a_second_replica_takes_over_a_stopped_ones_partitions_with_their_state(
    kafka_bootstrap: str,
) -> None:
    async with Harness(kafka_bootstrap, counter_side(uuid.uuid4().hex[:8])) as h:
        await h.start("a")
        await h.start("b")
        ids = [f"k{i}" for i in range(8)]  # spread over the four partitions
        for key in ids:
            await h.send(
                pb.OpenCounter(counter_id=key, limit=100, duration_ms=600_000), f"open-{key}", key
            )

        async def increments(round_: int) -> None:
            await asyncio.gather(
                *(h.send(pb.Increment(counter_id=k, by=1), f"{k}-{round_}", k) for k in ids)
            )

        await increments(1)
        await h.stop("a")  # its partitions wait for the group to give them to b
        await increments(2)
        await h.start("a")  # back under the same name: partitions rebalance
        await increments(3)
        # Retries of everything already decided change nothing, whichever replica owns it.
        await asyncio.gather(*(h.send(pb.Increment(counter_id=k, by=1), f"{k}-2", k) for k in ids))
        await increments(4)

        assert {k: h.state(k).total for k in ids} == dict.fromkeys(ids, 4)  # type: ignore[attr-defined]
        causes = Tally(cause for cause, e in await h.private_events() if isinstance(e, Incremented))
        assert len(causes) == 4 * len(ids) and set(causes.values()) == {1}

        # Publishing straight to the commands topic (as any producer may) is decided too.
        await publish(
            h.producer,
            h.side.commands.name,
            envelope(
                pb.Increment(counter_id="k0", by=5),
                event_id="raw",
                source="t",
                subject="k0",
                time_ms=0,
            ),
        )
        for _ in range(100):
            if h.state("k0").total == 9:  # type: ignore[attr-defined]
                break
            await asyncio.sleep(0.05)
        assert h.state("k0").total == 9  # type: ignore[attr-defined]


async def test_a_poison_record_in_the_private_log_is_quarantined_not_a_stop(
    kafka_bootstrap: str,
) -> None:
    async with Harness(kafka_bootstrap, counter_side(uuid.uuid4().hex[:8], partitions=1)) as h:
        await h.start("a")
        await h.send(pb.OpenCounter(counter_id="p1", limit=9, duration_ms=600_000), "o", "p1")
        # Someone writes garbage into the private log (only the service should: ACLs).
        await h.producer.send_and_wait(h.side.private.name, b"\x00garbage", key=b"p1")
        await h.send(pb.Increment(counter_id="p1", by=2), "i1", "p1")
        await h.stop("a")
        await h.start("b")  # rebuilds past the poison record and goes on deciding
        assert h.running["b"].quarantined == 1
        second = await h.send(pb.Increment(counter_id="p1", by=3), "i2", "p1")
        assert isinstance(second, Incremented) and second.total == 5
        dead = [r async for r in read_to_end(kafka_bootstrap, h.side.dead_letter.name)]
        headers = [dict(r.headers) for r in dead]
        assert any(h["dlq_reason"].startswith(b"EnvelopeError") for h in headers), headers


async def test_a_key_reused_for_another_request_is_refused_even_after_a_rebuild(
    kafka_bootstrap: str,
) -> None:
    side = counter_side(uuid.uuid4().hex[:8], partitions=1)
    async with Harness(kafka_bootstrap, side) as h:
        await h.start("a")
        gateway = h.client.gateway
        await gateway.submit(
            pb.OpenCounter(counter_id="r1", limit=9, duration_ms=600_000), "o", "r1"
        )
        inc = pb.Increment(counter_id="r1", by=2)
        first, _ = await gateway.submit(inc, "key-1", "r1", request_digest="request-A")
        again, _ = await gateway.submit(inc, "key-1", "r1", request_digest="request-A")
        assert again == first
        with pytest.raises(KeyReused):
            await gateway.submit(
                pb.Increment(counter_id="r1", by=5), "key-1", "r1", request_digest="request-B"
            )
    async with Harness(kafka_bootstrap, side) as fresh:  # a new API replica, rebuilt from the log
        with pytest.raises(KeyReused):
            await fresh.client.gateway.submit(inc, "key-1", "r1", request_digest="request-B")
        same, _ = await fresh.client.gateway.submit(inc, "key-1", "r1", request_digest="request-A")
        assert same == first
