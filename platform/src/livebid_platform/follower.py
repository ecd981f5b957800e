"""The one way to read logs into memory: follow topics into a read model, without a group.

Every replica folds every partition of the topics it follows, so any replica can answer any
read. `caught_up` is set once everything that existed at the start is applied; `sync()`
waits until everything appended before the call is applied; `wait_for(id)` resolves when a
record with that CloudEvents id (or caused by that command id) has been applied.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from livebid_platform import metrics
from livebid_platform.kafka_auth import client_config
from livebid_platform.topics import topic_partitions

log = logging.getLogger(__name__)

Apply = Callable[[ConsumerRecord[bytes, bytes]], None]
# What to do with a record `apply` refused (dead-letter it): (record, reason).
Quarantine = Callable[[ConsumerRecord[bytes, bytes], str], Awaitable[None]]
# The offsets to start from on the given partitions of one topic; it only looks them up,
# on partitions not yet assigned (the follower seeks once every topic's are known).
Seek = Callable[[AIOKafkaConsumer, list[TopicPartition]], Awaitable[dict[TopicPartition, int]]]
_ID_HEADERS = ("ce_id", "ce_causationid")


async def from_beginning(
    consumer: AIOKafkaConsumer, tps: list[TopicPartition]
) -> dict[TopicPartition, int]:
    """Start at each partition's first record."""
    starts: dict[TopicPartition, int] = await consumer.beginning_offsets(tps)
    return starts


def from_time(time_ms: int) -> Seek:
    """Start at the first record at or after `time_ms` (the end where there is none)."""

    async def seek(
        consumer: AIOKafkaConsumer, tps: list[TopicPartition]
    ) -> dict[TopicPartition, int]:
        found = await consumer.offsets_for_times({tp: time_ms for tp in tps})
        starts = {tp: found[tp].offset for tp in tps if found.get(tp) is not None}
        if missing := [tp for tp in tps if tp not in starts]:  # one request for all of them
            starts.update(await consumer.end_offsets(missing))
        return starts

    return seek


class Follower:
    """Applies every record of `topics` (from each topic's seek position) until cancelled."""

    def __init__(
        self,
        bootstrap: str,
        topics: Mapping[str, Seek],
        apply: Apply,
        name: str = "",
        quarantine: Quarantine | None = None,
    ) -> None:
        self._bootstrap = bootstrap
        self._seeks = dict(topics)
        self._apply = apply
        self._quarantine = quarantine
        self._refused: list[tuple[ConsumerRecord[bytes, bytes], str]] = []
        self._name = name or ",".join(topics)
        self._consumer: AIOKafkaConsumer | None = None
        self._positions: dict[TopicPartition, int] = {}
        self._moved = asyncio.Condition()
        self._waiters: dict[str, list[asyncio.Future[None]]] = {}
        self._failure: BaseException | None = None
        self._syncing = 0  # sync() callers waiting: positions are refreshed only for them
        self.caught_up = asyncio.Event()
        self.unreadable = 0  # records `apply` refused: logged and counted, never a stop

    async def run(self) -> None:
        try:
            await self._follow()
        except BaseException as exc:
            async with self._moved:  # wake sync() callers, so they fail instead of hanging
                self._failure = exc
                self._moved.notify_all()
            for futures in self._waiters.values():
                for future in futures:
                    if not future.done():
                        future.set_exception(RuntimeError(f"{self._name} follower stopped"))
            raise

    async def _follow(self) -> None:
        partitions = {t: await topic_partitions(self._bootstrap, t) for t in self._seeks}
        consumer = AIOKafkaConsumer(
            **client_config(self._bootstrap),
            enable_auto_commit=False,
            isolation_level="read_committed",
        )
        await consumer.start()
        self._consumer = consumer
        try:
            by_topic = {t: [TopicPartition(t, p) for p in partitions[t]] for t in self._seeks}
            tps = [tp for parts in by_topic.values() for tp in parts]
            # Every offset is looked up before the partitions are assigned: an assigned
            # partition gets a position at once (the consumer resets it to the end by
            # itself) and is then long-polled (fetch_max_wait_ms, 500 ms), and each lookup
            # on that connection waits behind the poll. Seeking partition by partition cost
            # notifications 3 to 4 s of start-up (docs/architecture.md, "Start-up").
            ends = await consumer.end_offsets(tps)
            starts: dict[TopicPartition, int] = {}
            for topic, seek in self._seeks.items():
                starts.update(await seek(consumer, by_topic[topic]))
            consumer.assign(tps)
            for tp, offset in starts.items():  # no await in between: no reset can run first
                consumer.seek(tp, offset)
            await self._moved_to({tp: await consumer.position(tp) for tp in tps})
            while True:
                batch = await consumer.getmany(timeout_ms=100, max_records=5000)
                for records in batch.values():
                    for record in records:
                        self._apply_one(record)
                await self._quarantine_refused()
                # Positions cost an await per partition: read them only while somebody needs
                # them (catching up, or a sync() waiting), not on every batch of a busy log.
                if self._syncing or not self.caught_up.is_set():
                    await self._moved_to({tp: await consumer.position(tp) for tp in tps})
                if not self.caught_up.is_set() and all(
                    self._positions[tp] >= ends[tp] for tp in tps
                ):
                    self.caught_up.set()
        finally:
            await consumer.stop()

    def _apply_one(self, record: ConsumerRecord[bytes, bytes]) -> None:
        try:
            self._apply(record)
        except Exception as exc:
            self.unreadable += 1
            self._refused.append((record, f"{type(exc).__name__}: {exc}"))
            log.error(
                "a followed record could not be applied",
                extra={
                    "fields": {
                        "follower": self._name,
                        "topic": record.topic,
                        "offset": record.offset,
                        "reason": f"{type(exc).__name__}: {exc}",
                    }
                },
            )
        if self._waiters:
            for name, value in record.headers or ():
                if name in _ID_HEADERS:
                    for future in self._waiters.pop(value.decode(errors="replace"), []):
                        if not future.done():
                            future.set_result(None)

    async def _quarantine_refused(self) -> None:
        """Copy the records `apply` refused to a dead-letter topic: a bad record in a log
        must never stop the service, nor pass unseen."""
        refused, self._refused = self._refused, []
        for record, _ in refused:
            metrics.QUARANTINED.labels(record.topic, self._name).inc()
        if self._quarantine is not None:
            for record, reason in refused:
                await self._quarantine(record, reason)

    async def _moved_to(self, positions: dict[TopicPartition, int]) -> None:
        async with self._moved:
            self._positions = positions
            self._moved.notify_all()

    def wait_for(self, record_id: str) -> asyncio.Future[None]:
        """A future set once a record with this id (or caused by it) is applied.

        Register it before the record can be written; cancel or `forget` it when done."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(record_id, []).append(future)
        return future

    def forget(self, record_id: str, future: asyncio.Future[None]) -> None:
        futures = self._waiters.get(record_id, [])
        if future in futures:
            futures.remove(future)
        if not futures:
            self._waiters.pop(record_id, None)

    async def sync(self) -> None:
        """Return once every record appended before this call has been applied."""
        async with self._moved:
            await self._moved.wait_for(lambda: bool(self._positions) or self._failure is not None)
        self._raise_if_failed()
        assert self._consumer is not None
        self._syncing += 1
        try:
            ends = await self._consumer.end_offsets(list(self._positions))
            async with self._moved:
                await self._moved.wait_for(
                    lambda: (
                        self._failure is not None
                        or all(self._positions[tp] >= end for tp, end in ends.items())
                    )
                )
        finally:
            self._syncing -= 1
        self._raise_if_failed()

    def _raise_if_failed(self) -> None:
        if self._failure is not None:
            raise RuntimeError(f"the {self._name} follower stopped") from self._failure
