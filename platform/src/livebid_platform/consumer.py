"""Consumers: read events, skip ones already handled, dead-letter what cannot be handled.

A handler that raises is retried a few times (the failure may be passing); if it still
fails, the record goes to the dead-letter topic with the reason and the consumer moves on.
It never stops on a bad record and never skips one silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition

from livebid_platform import metrics, tracing
from livebid_platform.envelope import Envelope, EnvelopeError, UnknownEventType, decode
from livebid_platform.kafka_auth import client_config
from livebid_platform.logs import correlation_id, event_id
from livebid_platform.topics import DEAD_LETTER, topic_partitions

log = logging.getLogger(__name__)

Handler = Callable[[Envelope, ConsumerRecord[bytes, bytes]], Awaitable[None]]


class RecentIds:
    """A bounded set of recently seen event ids (redelivery after a rebalance is recent)."""

    def __init__(self, capacity: int = 100_000) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._capacity = capacity

    def __contains__(self, event_id: str) -> bool:
        return event_id in self._ids

    def add(self, event_id: str) -> None:
        self._ids[event_id] = None
        if len(self._ids) > self._capacity:
            self._ids.popitem(last=False)


def dead_letter_headers(
    record: ConsumerRecord[bytes, bytes], reason: str, consumer: str
) -> list[tuple[str, bytes]]:
    """The record's own headers plus where it came from and why it could not be handled."""
    return [
        *list(record.headers or ()),
        ("dlq_reason", reason[:2000].encode()),
        ("dlq_topic", record.topic.encode()),
        ("dlq_partition", str(record.partition).encode()),
        ("dlq_offset", str(record.offset).encode()),
        ("dlq_consumer", consumer.encode()),
    ]


async def dead_letter(
    producer: AIOKafkaProducer,
    record: ConsumerRecord[bytes, bytes],
    reason: str,
    consumer: str,
    topic: str = DEAD_LETTER.name,
) -> None:
    """Copy a record to the dead-letter topic, with where it came from and why."""
    headers = dead_letter_headers(record, reason, consumer)
    await producer.send_and_wait(topic, record.value, key=record.key, headers=headers)
    metrics.DEAD_LETTERS.labels(record.topic, consumer).inc()
    log.warning(
        "dead-lettered a record",
        extra={"fields": {"topic": record.topic, "offset": record.offset, "reason": reason}},
    )


def dead_letterer(
    producer: AIOKafkaProducer, consumer: str, topic: str = DEAD_LETTER.name
) -> Callable[[ConsumerRecord[bytes, bytes], str], Awaitable[None]]:
    """`dead_letter` bound to a producer, a consumer name and a topic (a Follower's
    quarantine, a rebuild's)."""

    async def quarantine(record: ConsumerRecord[bytes, bytes], reason: str) -> None:
        await dead_letter(producer, record, reason, consumer, topic)

    return quarantine


def record_lag(
    consumer: AIOKafkaConsumer, group: str, tp: TopicPartition, last_offset: int
) -> None:
    """Publish how far behind the partition's end this consumer is, after a fetch."""
    end = consumer.highwater(tp)
    if end is not None:
        metrics.CONSUMER_LAG.labels(group, tp.topic, str(tp.partition)).set(end - last_offset - 1)


class EventConsumer:
    """Feeds every event of `topics` to `handler`, in order per partition, at least once."""

    def __init__(
        self,
        bootstrap: str,
        group_id: str,
        topics: list[str],
        handler: Handler,
        producer: AIOKafkaProducer,
        retries: int = 3,
        dead_letter_topic: str = DEAD_LETTER.name,
    ) -> None:
        """`dead_letter_topic`: a service's own, when `topics` hold private data."""
        self._consumer = AIOKafkaConsumer(
            *topics,
            **client_config(bootstrap),
            group_id=group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
        )
        self._group_id = group_id
        self._handler = handler
        self._producer = producer
        self._retries = retries
        self._dead_letter_topic = dead_letter_topic
        self._seen = RecentIds()
        self.unknown_types = 0

    async def run(self) -> None:
        """Consume until cancelled; offsets are committed after each handled batch, and on
        a graceful stop (cancellation) up to the last event handled, so a restarted
        consumer neither skips nor repeats. After a crash, the events handled since the
        last commit come again: handlers must be idempotent (the SDK's ids help)."""
        await self._consumer.start()
        handled: dict[TopicPartition, int] = {}
        try:
            while True:
                batch = await self._consumer.getmany(timeout_ms=200, max_records=500)
                for tp, records in batch.items():
                    for record in records:
                        await self._handle(record)
                        handled[tp] = record.offset + 1
                    record_lag(self._consumer, self._group_id, tp, records[-1].offset)
                if batch:
                    await self._consumer.commit()
                    handled.clear()
        finally:
            if handled:
                with contextlib.suppress(Exception):  # stopping: a failed commit only repeats
                    await self._consumer.commit(handled)
            await self._consumer.stop()

    async def _handle(self, record: ConsumerRecord[bytes, bytes]) -> None:
        try:
            env = decode(record.value, record.headers)
        except UnknownEventType as exc:
            # Topics gain new event types as contracts evolve; a consumer that has no
            # contract for one is not the place to handle it. Counted, not dead-lettered.
            self.unknown_types += 1
            log.debug(
                "skipped an event type this consumer does not know",
                extra={
                    "fields": {"reason": str(exc), "topic": record.topic, "offset": record.offset}
                },
            )
            return
        except EnvelopeError as exc:
            await dead_letter(
                self._producer, record, str(exc), self._group_id, self._dead_letter_topic
            )
            return
        if env.event_id in self._seen:
            return
        token = correlation_id.set(env.correlation_id)
        handling = event_id.set(env.event_id)
        try:
            for attempt in range(1, self._retries + 1):
                try:
                    with tracing.continued(record.headers):
                        await self._handler(env, record)
                    break
                except Exception as exc:
                    if attempt == self._retries:
                        reason = f"{type(exc).__name__}: {exc}"
                        await dead_letter(
                            self._producer, record, reason, self._group_id, self._dead_letter_topic
                        )
                    else:
                        await asyncio.sleep(0.05 * 2**attempt)
            self._seen.add(env.event_id)
        finally:
            correlation_id.reset(token)
            event_id.reset(handling)


async def read_to_end(
    bootstrap: str, topic: str, partitions: list[int] | None = None, **config: Any
) -> AsyncGenerator[ConsumerRecord[bytes, bytes], None]:
    """Every committed record of `topic` (or of some partitions) up to its current end.

    This is how a service rebuilds its state from its own log on start.
    """
    consumer = AIOKafkaConsumer(
        **client_config(bootstrap),
        enable_auto_commit=False,
        isolation_level="read_committed",
        **config,
    )
    await consumer.start()
    try:
        if partitions is None:
            partitions = await topic_partitions(bootstrap, topic)
        tps = [TopicPartition(topic, p) for p in partitions]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        pending = {tp for tp in tps if ends[tp] > 0}
        while pending:
            batch = await consumer.getmany(*pending, timeout_ms=200)
            for records in batch.values():
                for record in records:
                    yield record
            for tp in list(pending):
                if await consumer.position(tp) >= ends[tp]:
                    pending.discard(tp)
    finally:
        await consumer.stop()


async def wait_for_open_transactions(
    bootstrap: str, topic: str, partitions: list[int], timeout_s: float
) -> bool:
    """Wait until no transaction is open on these partitions (their last stable offset has
    reached their high watermark); False if some still is after `timeout_s`.

    A write side calls this before rebuilding a partition it was just given. A commit
    returns once the coordinator has decided it; the markers that make its records
    readable come a moment later (much later around a broker restart), and so does the
    offset commit of the same transaction. Reading "to the end" in that moment would miss
    the last batch's events while the consumer resumes before that batch, and the batch
    would be decided twice. An open transaction of a dead owner ends too, by its timeout.
    """
    committed = AIOKafkaConsumer(**client_config(bootstrap), isolation_level="read_committed")
    everything = AIOKafkaConsumer(**client_config(bootstrap))
    await committed.start()
    await everything.start()
    try:
        tps = [TopicPartition(topic, p) for p in partitions]
        deadline = asyncio.get_running_loop().time() + timeout_s
        while True:
            stable = await committed.end_offsets(tps)
            written = await everything.end_offsets(tps)
            if all(stable[tp] >= written[tp] for tp in tps):
                return True
            if asyncio.get_running_loop().time() > deadline:
                return False
            await asyncio.sleep(0.02)
    finally:
        await committed.stop()
        await everything.stop()
