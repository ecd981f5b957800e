"""The one follower, on a real broker: it catches up with what exists, `sync()` returns only
once everything appended before it is applied, `wait_for(id)` resolves when that record is
applied, and a record `apply` refuses is counted and passed, never a stop."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from aiokafka import ConsumerRecord
from livebid.examples.v1 import counter_pb2 as pb

from livebid_platform.envelope import decode, envelope
from livebid_platform.follower import Follower, from_beginning, from_time
from livebid_platform.producer import durable_producer, publish
from livebid_platform.service import caught_up
from livebid_platform.topics import TopicSpec, ensure_topics

pytestmark = pytest.mark.integration


async def test_catch_up_sync_wait_for_and_a_bad_record(kafka_bootstrap: str) -> None:
    topic = TopicSpec(f"follow-{uuid.uuid4().hex[:8]}", 3)
    await ensure_topics(kafka_bootstrap, (topic,))
    producer = durable_producer(kafka_bootstrap)
    await producer.start()
    seen: list[str] = []

    def apply(record: ConsumerRecord[bytes, bytes]) -> None:
        env = decode(record.value, record.headers)
        seen.append(env.event_id)

    async def append(event_id: str, key: str) -> None:
        message = pb.CounterClosed(counter_id=key)
        env = envelope(message, event_id=event_id, source="t", subject=key, time_ms=0)
        await publish(producer, topic.name, env)

    try:
        for i in range(5):
            await append(f"old-{i}", f"k{i}")
        await producer.send_and_wait(topic.name, b"not an event", key=b"k0")  # no headers
        refused: list[tuple[int, str]] = []

        async def quarantine(record: ConsumerRecord[bytes, bytes], reason: str) -> None:
            refused.append((record.offset, reason))

        follower = Follower(kafka_bootstrap, {topic.name: from_beginning}, apply, "t", quarantine)
        task = asyncio.create_task(follower.run())
        await caught_up(follower, task)
        assert sorted(seen) == [f"old-{i}" for i in range(5)]
        assert follower.unreadable == 1
        [(_, reason)] = refused
        assert "missing CloudEvents headers" in reason

        arrived = follower.wait_for("new-0")
        await append("new-0", "k1")
        await asyncio.wait_for(arrived, 10)
        for i in range(1, 4):
            await append(f"new-{i}", f"k{i}")
        await asyncio.wait_for(follower.sync(), 10)
        assert {f"new-{i}" for i in range(4)} <= set(seen)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    finally:
        await producer.stop()


async def test_from_a_time_it_starts_there_and_catches_up_without_waiting_on_fetch_polls(
    kafka_bootstrap: str,
) -> None:
    whole, recent = (
        TopicSpec(f"whole-{uuid.uuid4().hex[:8]}", 3),
        TopicSpec(f"recent-{uuid.uuid4().hex[:8]}", 6),
    )
    await ensure_topics(kafka_bootstrap, (whole, recent))
    producer = durable_producer(kafka_bootstrap)
    await producer.start()
    seen: set[str] = set()

    async def append(topic: str, event_id: str) -> None:
        message = pb.CounterClosed(counter_id="k0")
        await publish(
            producer,
            topic,
            envelope(message, event_id=event_id, source="t", subject="k0", time_ms=0),
        )

    try:
        # `whole` stays empty (as the catalog's log is when a stack starts): a consumer
        # long-polls empty partitions, and that is what lookups used to wait behind.
        await append(recent.name, "before")
        await asyncio.sleep(0.05)
        since = int(time.time() * 1000)
        await asyncio.sleep(0.05)
        await append(recent.name, "after")  # one partition has records, five are empty
        follower = Follower(
            kafka_bootstrap,
            {whole.name: from_beginning, recent.name: from_time(since)},
            lambda record: seen.add(decode(record.value, record.headers).event_id),
        )
        started = time.monotonic()
        task = asyncio.create_task(follower.run())
        await caught_up(follower, task)
        took = time.monotonic() - started

        assert seen == {"after"}
        # Each offset lookup used to wait behind a 500 ms fetch poll, once per empty
        # partition: 3 s or more here. Looked up before any fetch, it is a few round trips.
        assert took < 2.5, f"caught up in {took:.1f} s"
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    finally:
        await producer.stop()
