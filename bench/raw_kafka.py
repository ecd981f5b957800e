"""The machine's own limit: the same aiokafka client and settings, no Livebid in between."""

from __future__ import annotations

import asyncio
import time
import uuid

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from livebid_platform.producer import durable_producer


async def _topic(bootstrap: str) -> str:
    name = f"bench.raw.{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, 1, 1)])
    finally:
        await admin.close()
    return name


async def round_trips(bootstrap: str, count: int) -> list[float]:
    """Produce one record (acks=all, idempotent) and wait until a consumer reads it; seconds."""
    topic = await _topic(bootstrap)
    producer = durable_producer(bootstrap)
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        # The topic is new: "earliest" cannot miss the warm-up record, whereas "latest" could
        # if the record landed before the consumer's position was set (it hung a run).
        auto_offset_reset="earliest",
        isolation_level="read_committed",
        fetch_max_wait_ms=500,
    )
    await producer.start()
    await consumer.start()
    try:
        await producer.send_and_wait(topic, b"warm-up")
        await consumer.getone()
        samples = []
        for i in range(count):
            started = time.perf_counter()
            await producer.send_and_wait(topic, str(i).encode())
            await consumer.getone()
            samples.append(time.perf_counter() - started)
        return samples
    finally:
        await consumer.stop()
        await producer.stop()


async def throughput(bootstrap: str, count: int, in_flight: int = 64) -> float:
    """Records per second, produced with `in_flight` concurrent senders and consumed back."""
    topic = await _topic(bootstrap)
    producer = durable_producer(bootstrap)
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    await producer.start()
    await consumer.start()
    try:
        started = time.perf_counter()

        async def sender(worker: int) -> None:
            for i in range(worker, count, in_flight):
                await producer.send_and_wait(topic, str(i).encode())

        senders = asyncio.gather(*(sender(w) for w in range(in_flight)))
        received = 0
        while received < count:
            batch = await consumer.getmany(timeout_ms=200)
            received += sum(len(records) for records in batch.values())
        await senders
        return count / (time.perf_counter() - started)
    finally:
        await consumer.stop()
        await producer.stop()


async def request_reply(bootstrap: str, seconds: float, concurrency: int) -> float:
    """Round trips per second with `concurrency` clients, each producing one record and
    waiting to read it back before the next: the raw shape of a bid and its answer."""
    topic = await _topic(bootstrap)
    producer = durable_producer(bootstrap)
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    await producer.start()
    await consumer.start()
    waiting: dict[bytes, asyncio.Future[None]] = {}

    async def reader() -> None:
        while True:
            for records in (await consumer.getmany(timeout_ms=100)).values():
                for record in records:
                    if (future := waiting.pop(record.value or b"", None)) is not None:
                        future.set_result(None)

    done = 0
    stop_at = time.perf_counter() + seconds

    async def client(worker: int) -> None:
        nonlocal done
        i = 0
        while time.perf_counter() < stop_at:
            key = f"{worker}-{i}".encode()
            answered = waiting[key] = asyncio.get_running_loop().create_future()
            await producer.send_and_wait(topic, key, key=key)
            await answered
            done += 1
            i += 1

    reading = asyncio.create_task(reader())
    try:
        started = time.perf_counter()
        await asyncio.gather(*(client(w) for w in range(concurrency)))
        return done / (time.perf_counter() - started)
    finally:
        reading.cancel()
        await consumer.stop()
        await producer.stop()
