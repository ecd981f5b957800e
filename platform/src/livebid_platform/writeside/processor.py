"""The write-side runtime: the one writer for the aggregates of the partitions it owns.

It consumes a write side's commands topic in a consumer group. For each partition it owns
it first rebuilds every aggregate by folding partition N of the private log (the same key
lands on the same partition number in both topics), then decides each command in log order
and writes the private events, their public translations and the consumed offsets in ONE
Kafka transaction: a crash anywhere leaves either all of a batch's effects or none.

It also watches deadlines: when the wall clock passes one, it appends the decider's ending
command to the same partition (see deadlines.py). Every service's write side runs here.
"""

from __future__ import annotations

import asyncio
import logging
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.producer import sender as aiokafka_sender
from aiokafka.structs import ConsumerRecord

from livebid_platform import logs, metrics, tracing
from livebid_platform.consumer import (
    dead_letter,
    read_to_end,
    record_lag,
    wait_for_open_transactions,
)
from livebid_platform.envelope import decode, envelope, to_headers
from livebid_platform.kafka_auth import client_config
from livebid_platform.producer import durable_producer
from livebid_platform.writeside.deadlines import Deadlines
from livebid_platform.writeside.decider import WriteSide
from livebid_platform.writeside.observed import observe_decisions
from livebid_platform.writeside.partition import PartitionState, decide_record

log = logging.getLogger(__name__)
# A transaction begun right after a commit is refused (CONCURRENT_TRANSACTIONS) until the
# broker has written the previous commit's markers, which takes a few ms here. aiokafka
# retries the first AddPartitionsToTxn of a transaction after a hard-coded 20 ms
# (BACKOFF_OVERRIDE), not after retry_backoff_ms, so every transaction after the first
# waited ~20 ms longer than needed. Measured (gRPC bids, 32 and 8 concurrent callers):
# 5 ms gives about 1.3x and 1.8x the decisions per second of 20 ms; 2 ms gives no more.
TXN_RETRY_MS = 5
SCHEDULER_TICK_S = 0.005
SESSION_TIMEOUT_MS = 6_000
# A transaction left open by a dead owner is aborted by the broker after this long; a new
# owner waits for that before rebuilding (see rebuild). Kept short so a close after a
# crash stays close to its deadline; a batch's transaction takes milliseconds.
TRANSACTION_TIMEOUT_MS = 10_000


def _fast_transaction_retries() -> None:
    """Make aiokafka retry a refused transaction start after TXN_RETRY_MS, not 20 ms."""
    aiokafka_sender.BACKOFF_OVERRIDE = TXN_RETRY_MS / 1000


class Processor:
    """Runs one replica of a write side: `await Processor(...).run()` until cancelled."""

    def __init__(self, side: WriteSide, bootstrap: str, replica: str = "0") -> None:
        self.side = side
        self._bootstrap = bootstrap
        # A stable transactional id per replica: a restarted replica fences its old self and
        # aborts whatever transaction the old one left open.
        self._transactional_id = f"{side.group_id}-{replica}"
        self.partitions: dict[int, PartitionState] = {}
        self._deadlines = Deadlines()
        self.ready = asyncio.Event()  # set once the first assignment is rebuilt
        self.fatal: Exception | None = None
        self.lock = asyncio.Lock()
        self.quarantined = 0  # private records a rebuild could not fold (dead-lettered)
        self._ender: AIOKafkaProducer | None = None

    async def run(self) -> None:
        _fast_transaction_retries()
        producer = durable_producer(
            self._bootstrap,
            transactional_id=self._transactional_id,
            retry_backoff_ms=TXN_RETRY_MS,
            transaction_timeout_ms=TRANSACTION_TIMEOUT_MS,
        )
        ender = self._ender = durable_producer(self._bootstrap)
        consumer = AIOKafkaConsumer(
            **client_config(self._bootstrap),
            group_id=self.side.group_id,
            # Static membership: a replica restarted under the same name takes its partitions
            # back at once, instead of waiting for the dead one's session to time out.
            group_instance_id=self._transactional_id,
            # A crashed replica's partitions move to the others after this long (the broker's
            # minimum): the bound on how late a close can be when a processor dies.
            session_timeout_ms=SESSION_TIMEOUT_MS,
            heartbeat_interval_ms=SESSION_TIMEOUT_MS // 3,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
        )
        await producer.start()
        await ender.start()
        await consumer.start()
        consumer.subscribe([self.side.commands.name], listener=_Rebalance(self))
        scheduler = asyncio.create_task(self._append_ends(ender))
        try:
            while True:
                batch = await consumer.getmany(timeout_ms=50, max_records=2000)
                if self.fatal is not None:
                    raise RuntimeError("could not rebuild the partitions' state") from self.fatal
                for tp in [tp for tp in batch if tp.partition not in self.partitions]:
                    # Fetched before this partition's state was rebuilt: read it again later.
                    consumer.seek(tp, batch.pop(tp)[0].offset)
                if batch:
                    await self._decide_batch(producer, batch)
                    for tp, records in batch.items():
                        record_lag(consumer, self.side.group_id, tp, records[-1].offset)
        finally:
            scheduler.cancel()
            await consumer.stop()
            await producer.stop()
            await ender.stop()

    async def _decide_batch(
        self,
        producer: AIOKafkaProducer,
        batch: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]],
    ) -> None:
        offsets = {}
        decided = []
        # The lock keeps a rebalance from rebuilding state while a batch is in flight: the
        # rebuild reads committed events only, so it must run between transactions.
        async with self.lock, producer.transaction():
            for tp, records in batch.items():
                part = self.partitions.get(tp.partition)
                if part is None:
                    continue  # revoked while this batch was fetched: no longer ours
                for record in records:
                    key = (record.key or b"").decode()
                    deadlines = self._deadlines_of(part, key)
                    handling = logs.event_id.set(_ce_id(record))
                    with tracing.continued(record.headers):  # its events carry its trace
                        outputs = decide_record(self.side, part, record)
                    logs.event_id.reset(handling)
                    for topic, value, headers, out_key in outputs:
                        await producer.send(topic, value, key=out_key, headers=headers)
                    decided.append((record, outputs, deadlines))
                    self._watch(tp.partition, part, key)
                offsets[tp] = records[-1].offset + 1
            if offsets:
                await producer.send_offsets_to_transaction(offsets, self.side.group_id)
        observe_decisions(self.side, decided)

    def _deadlines_of(self, part: PartitionState, aggregate_id: str) -> dict[str, int]:
        """Each decider's deadline for this aggregate before a command (close lateness)."""
        found = {}
        for decider in self.side.deciders:
            state = part.state(decider, aggregate_id)
            if decider.deadline is not None and state is not None:
                deadline = decider.deadline(state)
                if deadline is not None:
                    found[decider.name] = deadline
        return found

    def _watch(self, partition: int, part: PartitionState, aggregate_id: str) -> None:
        for decider in self.side.deciders:
            if decider.deadline is None:
                continue
            state = part.state(decider, aggregate_id)
            if state is not None:
                self._deadlines.watch(
                    decider.deadline(state), decider.name, aggregate_id, partition
                )

    async def rebuild(self, partitions: list[int]) -> None:
        """Fold partitions N of the private log into the aggregates this replica now owns."""
        parts = {p: PartitionState() for p in partitions}
        count = 0
        # Settle first: the events of a transaction committed (or left open) just before
        # this assignment must be in the state, or its commands would be decided again.
        settle_s = 2 * TRANSACTION_TIMEOUT_MS / 1000
        private = self.side.private.name
        if not await wait_for_open_transactions(self._bootstrap, private, partitions, settle_s):
            log.error(
                "a transaction is still open on the private log; rebuilding anyway",
                extra={"fields": {"partitions": partitions, "waited_s": settle_s}},
            )
        async for record in read_to_end(self._bootstrap, self.side.private.name, partitions):
            try:
                env = decode(record.value, record.headers)
                parts[record.partition].apply_private(self.side, env)
            except Exception as exc:
                # Only this write side should write its private log; a record it cannot fold
                # is quarantined (dead-lettered with the reason, counted, logged) and must not
                # keep every other aggregate of the partition from being decided.
                await self._quarantine(record, f"{type(exc).__name__}: {exc}")
            count += 1
        for partition, part in parts.items():
            self.partitions[partition] = part
            for _, aggregate_id in part.states:
                self._watch(partition, part, aggregate_id)
        log.info(
            "rebuilt partitions",
            extra={
                "fields": {
                    "write_side": self.side.name,
                    "partitions": partitions,
                    "events": count,
                    "aggregates": sum(len(p.states) for p in parts.values()),
                }
            },
        )

    async def _quarantine(self, record: ConsumerRecord[bytes, bytes], reason: str) -> None:
        self.quarantined += 1
        metrics.QUARANTINED.labels(record.topic, f"{self.side.group_id}-rebuild").inc()
        log.error(
            "unreadable private event quarantined in rebuild",
            extra={
                "fields": {"partition": record.partition, "offset": record.offset, "reason": reason}
            },
        )
        if self._ender is not None:
            await dead_letter(
                self._ender,
                record,
                reason,
                f"{self.side.group_id}-rebuild",
                self.side.dead_letter.name,
            )

    async def _append_ends(self, ender: AIOKafkaProducer) -> None:
        while True:
            now = int(time.time() * 1000)
            for due in self._deadlines.due(now, self._still_due):
                decider = self.side.decider(due.decider)
                assert decider.on_deadline is not None
                command = decider.on_deadline(due.aggregate_id, due.command_id)
                env = envelope(
                    command,
                    event_id=due.command_id,
                    source=self.side.deadline_source,
                    subject=due.aggregate_id,
                    time_ms=now,
                )
                await ender.send(
                    self.side.commands.name,
                    env.message.SerializeToString(),
                    key=env.key,
                    headers=to_headers(env),
                )
            await asyncio.sleep(SCHEDULER_TICK_S)

    def _still_due(
        self, decider_name: str, aggregate_id: str, partition: int, deadline: int
    ) -> bool:
        """Whether the aggregate is still ours, open, and ending at this deadline."""
        part = self.partitions.get(partition)
        decider = self.side.decider(decider_name)
        state = part.state(decider, aggregate_id) if part else None
        return (
            state is not None
            and decider.deadline is not None
            and decider.deadline(state) == deadline
        )

    def forget(self, partition: int) -> None:
        self.partitions.pop(partition, None)


def _ce_id(record: ConsumerRecord[bytes, bytes]) -> str:
    for key, value in record.headers or ():
        if key == "ce_id":
            return bytes(value).decode(errors="replace")
    return ""


class _Rebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, processor: Processor) -> None:
        self._processor = processor

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        async with self._processor.lock:  # after the batch in flight, if any
            for tp in revoked:
                self._processor.forget(tp.partition)

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        try:
            async with self._processor.lock:
                for tp in assigned:
                    self._processor.forget(tp.partition)
                await self._processor.rebuild(sorted(tp.partition for tp in assigned))
        except Exception as exc:
            # aiokafka only logs a listener's failure; a processor that cannot rebuild must
            # not sit there owning partitions it cannot decide, so it stops (and restarts).
            self._processor.fatal = exc
            raise
        self._processor.ready.set()
        log.info(
            "partitions assigned",
            extra={
                "fields": {
                    "write_side": self._processor.side.name,
                    "partitions": [tp.partition for tp in assigned],
                }
            },
        )
