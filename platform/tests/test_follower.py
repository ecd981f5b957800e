"""The one follower, on a real broker: it catches up with what exists, `sync()` returns only
once everything appended before it is applied, `wait_for(id)` resolves when that record is
applied, and a record `apply` refuses is counted and passed, never a stop."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from aiokafka import ConsumerRecord
from livebid.examples.v1 import counter_pb2 as pb

from livebid_platform.envelope import decode, envelope
from livebid_platform.follower import Follower, from_beginning
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
