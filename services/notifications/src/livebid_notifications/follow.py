"""Reading logs into read models: rebuild to the end, then tail, with no consumer group.

Every replica folds every partition, so any replica can serve any viewer or user.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from livebid_platform.consumer import read_to_end
from livebid_platform.topics import topic_partitions

Apply = Callable[[ConsumerRecord[bytes, bytes]], None]
# Positions the consumer on the given partitions of one topic.
Seek = Callable[[AIOKafkaConsumer, list[TopicPartition]], Awaitable[None]]


async def rebuild(bootstrap: str, topic: str, apply: Apply) -> dict[int, int]:
    """Fold `topic` to its current end; the offset to continue from, per partition."""
    positions: dict[int, int] = {}
    async for record in read_to_end(bootstrap, topic):
        apply(record)
        positions[record.partition] = record.offset + 1
    return positions


def from_beginning() -> Seek:
    async def seek(consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> None:
        await consumer.seek_to_beginning(*tps)

    return seek


def from_offsets(positions: dict[int, int]) -> Seek:
    """Continue where `rebuild` stopped; partitions it saw nothing of start at the beginning."""

    async def seek(consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> None:
        for tp in tps:
            if tp.partition in positions:
                consumer.seek(tp, positions[tp.partition])
            else:
                await consumer.seek_to_beginning(tp)

    return seek


def from_time(time_ms: int) -> Seek:
    """Start at the first record at or after `time_ms` (the end where there is none)."""

    async def seek(consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> None:
        found = await consumer.offsets_for_times({tp: time_ms for tp in tps})
        for tp in tps:
            if found.get(tp) is None:
                await consumer.seek_to_end(tp)
            else:
                consumer.seek(tp, found[tp].offset)

    return seek


async def follow(
    bootstrap: str, seeks: dict[str, Seek], apply: Apply, caught_up: asyncio.Event
) -> None:
    """Apply every record of the topics from their seek positions on, until cancelled.

    `caught_up` is set once the records that existed at the start have been applied.
    """
    partitions = {topic: await topic_partitions(bootstrap, topic) for topic in seeks}
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, isolation_level="read_committed"
    )
    await consumer.start()
    try:
        by_topic = {t: [TopicPartition(t, p) for p in partitions[t]] for t in seeks}
        tps = [tp for parts in by_topic.values() for tp in parts]
        consumer.assign(tps)
        for topic, seek in seeks.items():
            await seek(consumer, by_topic[topic])
        ends = await consumer.end_offsets(tps)
        while True:
            batch = await consumer.getmany(timeout_ms=200, max_records=2000)
            for records in batch.values():
                for record in records:
                    apply(record)
            if not caught_up.is_set() and all(
                [await consumer.position(tp) >= ends[tp] for tp in tps]
            ):
                caught_up.set()
    finally:
        await consumer.stop()
