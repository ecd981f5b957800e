"""The consumer SDK (`EventConsumer`) on a real broker, as a consumer team uses it: a
duplicate is handled once, a poison record is dead-lettered with its reason, a handler that
fails then succeeds is retried, an event type newer than the consumer is skipped and
counted, a handler that keeps failing dead-letters its event and the consumer goes on, and a
graceful restart mid-stream loses nothing and repeats nothing."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from typing import Any

import pytest
from livebid.examples.v1 import counter_pb2 as pb

from livebid_platform.consumer import EventConsumer, read_to_end
from livebid_platform.envelope import Envelope, envelope, to_headers
from livebid_platform.producer import durable_producer, publish
from livebid_platform.topics import TopicSpec, ensure_topics

pytestmark = pytest.mark.integration


def event(event_id: str, counter: str, by: int = 1) -> Envelope:
    return envelope(
        pb.Incremented(counter_id=counter, by=by, total=by), event_id=event_id,
        source="test", subject=counter, time_ms=int(time.time() * 1000),
    )  # fmt: skip


async def until(check: Any, what: str, timeout_s: float = 30) -> None:
    give_up = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < give_up, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_duplicates_poison_retries_unknown_types_and_a_graceful_restart(
    kafka_bootstrap: str,
) -> None:
    run = uuid.uuid4().hex[:8]
    topic, dead = TopicSpec(f"sdk-{run}.v1", 3), TopicSpec(f"sdk-dlq-{run}.v1", 1)
    await ensure_topics(kafka_bootstrap, (topic, dead))
    producer = durable_producer(kafka_bootstrap)
    await producer.start()
    handled: Counter[str] = Counter()
    attempts: Counter[str] = Counter()
    slow = asyncio.Event()

    async def handler(env: Envelope, _: Any) -> None:
        attempts[env.event_id] += 1
        if slow.is_set():
            await asyncio.sleep(0.02)  # a real handler's I/O: a stop can land in a batch
        if env.event_id == "flaky" and attempts["flaky"] == 1:
            raise ConnectionError("the downstream database blinked")  # passes on a retry
        if env.event_id == "broken":
            raise ValueError("this event can never be stored")
        handled[env.event_id] += 1

    def consumer() -> EventConsumer:
        return EventConsumer(
            kafka_bootstrap, f"sdk-{run}", [topic.name], handler, producer,
            dead_letter_topic=dead.name,
        )  # fmt: skip

    try:
        first = [event(f"e{i}", f"c{i % 4}") for i in range(20)]
        for env in [*first, first[3], event("flaky", "c1"), event("broken", "c2")]:
            await publish(producer, topic.name, env)  # e3 twice: a producer's retry
        await producer.send_and_wait(topic.name, b"\x00poison", key=b"c3")
        newer = to_headers(event("from-the-future", "c0"))
        newer = [
            (k, b"livebid.examples.v2.CounterReset" if k == "ce_type" else v) for k, v in newer
        ]
        await producer.send_and_wait(topic.name, b"", key=b"c0", headers=newer)

        sdk = consumer()
        running = asyncio.create_task(sdk.run())
        await until(lambda: len(handled) == 21 and sdk.unknown_types == 1, "the first events")
        # A graceful stop in the middle of a batch of a live stream (a rolling deploy).
        second = [event(f"f{i}", f"c{i % 4}") for i in range(40)]
        slow.set()
        for env in second:
            await publish(producer, topic.name, env)
        await until(lambda: sum(1 for e in handled if e.startswith("f")) >= 8, "a few more")
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        assert sum(1 for e in handled if e.startswith("f")) < 40, "stopped mid-stream"
        running = asyncio.create_task(consumer().run())
        await until(lambda: len(handled) == 61, "the events after the restart")
        await asyncio.sleep(1)  # anything repeated would arrive now
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)

        assert all(n == 1 for n in handled.values()), handled  # nothing twice, e3 included
        assert set(handled) == {e.event_id for e in [*first, *second]} | {"flaky"}
        assert attempts["flaky"] == 2 and attempts["broken"] == 3
        reasons = {
            dict(r.headers)["dlq_reason"].decode()
            async for r in read_to_end(kafka_bootstrap, dead.name)
        }
        assert "ValueError: this event can never be stored" in reasons
        assert any(r.startswith("missing CloudEvents headers") for r in reasons), reasons
    finally:
        await producer.stop()
