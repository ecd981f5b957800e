"""The bidding processor: the one writer for the aggregates of the partitions it owns.

It consumes `bidding.commands.v1` in a consumer group. For each partition it owns, it first
rebuilds every aggregate (auction, flash sale, giveaway) by folding partition N of
`bidding.internal.v1` (the same key lands on the same partition number in both topics),
then decides each command in log order and writes the private events, their public
translations and the consumed offsets in ONE Kafka transaction: a crash anywhere leaves
either all of a batch's effects or none.

It also schedules the ends: when the wall clock passes a deadline it appends the closing
command to the same partition (see scheduler.py).

Run: python -m livebid_bidding processor
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.producer import sender as aiokafka_sender
from aiokafka.structs import ConsumerRecord

from livebid_bidding import codec
from livebid_bidding.aggregates import KINDS, aggregate_id, kind_of
from livebid_bidding.partition import PartitionState
from livebid_bidding.scheduler import Deadlines, closing_command
from livebid_platform.consumer import dead_letter_headers, read_to_end
from livebid_platform.envelope import Envelope, EnvelopeError, decode, envelope, to_headers
from livebid_platform.producer import durable_producer
from livebid_platform.topics import (
    BIDDING_COMMANDS,
    BIDDING_DEAD_LETTER,
    BIDDING_EVENTS,
    BIDDING_INTERNAL,
)

log = logging.getLogger(__name__)
SOURCE = "livebid.bidding"
_KINDS = {k.name: k for k in KINDS}
# A transaction begun right after a commit is refused (CONCURRENT_TRANSACTIONS) until the
# broker has written the previous commit's markers, which takes a few ms here. aiokafka
# retries the first AddPartitionsToTxn of a transaction after a hard-coded 20 ms
# (BACKOFF_OVERRIDE), not after retry_backoff_ms, so every transaction after the first
# waited ~20 ms longer than needed. Measured (gRPC bids, 32 and 8 concurrent callers):
# 5 ms gives about 1.3x and 1.8x the decisions per second of 20 ms; 2 ms gives no more.
TXN_RETRY_MS = 5


def _fast_transaction_retries() -> None:
    """Make aiokafka retry a refused transaction start after TXN_RETRY_MS, not 20 ms."""
    aiokafka_sender.BACKOFF_OVERRIDE = TXN_RETRY_MS / 1000


Output = tuple[str, bytes | None, list[tuple[str, bytes]], bytes]  # topic, value, headers, key


def _out(topic: str, env: Envelope) -> Output:
    return topic, env.message.SerializeToString(), to_headers(env), env.key


def _dead_letter(record: ConsumerRecord[bytes, bytes], reason: str) -> Output:
    headers = dead_letter_headers(record, reason, "bidding-processor")
    log.warning(
        "dead-lettered a command", extra={"fields": {"offset": record.offset, "reason": reason}}
    )
    # Commands carry maximum bids and reserves: they go to bidding's own dead-letter topic.
    return BIDDING_DEAD_LETTER.name, record.value, headers, record.key or b""


def handle_command(part: PartitionState, record: ConsumerRecord[bytes, bytes]) -> list[Output]:
    """Decide one command record: the records to append (pure apart from `part`)."""
    try:
        env = decode(record.value, record.headers)
        command = codec.command_from_proto(env.message, record.timestamp)
        kind = kind_of(command)
    except (EnvelopeError, ValueError) as exc:
        return [_dead_letter(record, str(exc))]
    aggregate = aggregate_id(command)
    command_id = getattr(command, "command_id", "")
    if not command_id or not aggregate:
        return [_dead_letter(record, "command_id and the aggregate id are required")]
    if command_id in part.seen_commands:
        return []  # a retried command has no second effect
    meta = {
        "source": SOURCE,
        "subject": aggregate,
        "time_ms": record.timestamp,
        "correlation_id": env.correlation_id,
    }
    try:
        events = kind.decide(part.get(kind, aggregate), command)
        outputs = _event_records(part, events, f"{aggregate}/{command_id}", meta)
    except ValueError as exc:
        return [_dead_letter(record, f"invalid command: {exc}")]
    except Exception as exc:  # a bug must not stop every aggregate of the partition
        log.exception("command failed")
        return [_dead_letter(record, f"{type(exc).__name__}: {exc}")]
    part.seen_commands.add(command_id)
    return outputs


def _event_records(
    part: PartitionState, events: list[Any], id_prefix: str, meta: dict[str, Any]
) -> list[Output]:
    """Fold the events in; each as a private record, plus its public translations."""
    outputs: list[Output] = []
    for i, event in enumerate(events):
        state = part.apply(event)
        # Ids derive from the command, so replaying the same commands yields the same ids.
        event_id = f"{id_prefix}/{i}"
        private = envelope(codec.event_to_proto(event), event_id=event_id, **meta)
        outputs.append(_out(BIDDING_INTERNAL.name, private))
        for j, public in enumerate(codec.public_events(event, state)):
            outputs.append(
                _out(BIDDING_EVENTS.name, envelope(public, event_id=f"{event_id}.{j}", **meta))
            )
    return outputs


class BiddingProcessor:
    def __init__(
        self, bootstrap: str, group_id: str = "bidding-processor", replica: str = "0"
    ) -> None:
        self._bootstrap = bootstrap
        self._group_id = group_id
        # A stable transactional id per replica: a restarted replica fences its old self and
        # aborts whatever transaction the old one left open.
        self._transactional_id = f"{group_id}-{replica}"
        self.partitions: dict[int, PartitionState] = {}
        self._deadlines = Deadlines()
        self.ready = asyncio.Event()
        self.fatal: Exception | None = None
        self.lock = asyncio.Lock()

    async def run(self) -> None:
        # Retry a refused transaction start within milliseconds, not 20 or 100.
        _fast_transaction_retries()
        producer = durable_producer(
            self._bootstrap, transactional_id=self._transactional_id, retry_backoff_ms=TXN_RETRY_MS
        )
        closer = durable_producer(self._bootstrap)
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            group_id=self._group_id,
            # Static membership: a replica restarted under the same name takes its partitions
            # back at once, instead of waiting for the dead one's session to time out.
            group_instance_id=self._transactional_id,
            session_timeout_ms=10_000,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
        )
        await producer.start()
        await closer.start()
        await consumer.start()
        consumer.subscribe([BIDDING_COMMANDS.name], listener=_Rebalance(self))
        scheduler = asyncio.create_task(self._schedule_ends(closer))
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
        finally:
            scheduler.cancel()
            await consumer.stop()
            await producer.stop()
            await closer.stop()

    async def _decide_batch(
        self,
        producer: AIOKafkaProducer,
        batch: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]],
    ) -> None:
        offsets = {}
        started = time.perf_counter()
        # The lock keeps a rebalance from rebuilding state while a batch is in flight: the
        # rebuild reads committed events only, so it must run between transactions.
        async with self.lock, producer.transaction():
            for tp, records in batch.items():
                part = self.partitions.get(tp.partition)
                if part is None:
                    continue  # revoked while this batch was fetched: no longer ours
                for record in records:
                    for topic, value, headers, key in handle_command(part, record):
                        await producer.send(topic, value, key=key, headers=headers)
                    self._watch(tp.partition, part, record.key)
                offsets[tp] = records[-1].offset + 1
            if offsets:
                await producer.send_offsets_to_transaction(offsets, self._group_id)
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "decided a batch",
                extra={
                    "fields": {
                        "commands": sum(len(r) for r in batch.values()),
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    }
                },
            )

    def _watch(self, partition: int, part: PartitionState, key: bytes | None) -> None:
        aggregate = (key or b"").decode()
        for kind in KINDS:
            state = part.get(kind, aggregate)
            if state is not None:
                self._deadlines.watch(kind.deadline(state), kind.name, aggregate, partition)

    async def rebuild(self, partitions: list[int]) -> None:
        """Fold partitions N of the private log into the aggregates this replica now owns."""
        parts = {p: PartitionState() for p in partitions}
        count = 0
        async for record in read_to_end(self._bootstrap, BIDDING_INTERNAL.name, partitions):
            message = decode(record.value, record.headers).message
            parts[record.partition].apply(codec.event_from_proto(message))
            count += 1
        for partition, part in parts.items():
            self.partitions[partition] = part
            for (kind_name, aggregate), state in part.states.items():
                self._deadlines.watch(
                    _KINDS[kind_name].deadline(state), kind_name, aggregate, partition
                )
        log.info(
            "rebuilt partitions",
            extra={
                "fields": {
                    "partitions": partitions,
                    "events": count,
                    "aggregates": sum(len(p.states) for p in parts.values()),
                }
            },
        )

    async def _schedule_ends(self, closer: AIOKafkaProducer) -> None:
        while True:
            now = int(time.time() * 1000)
            for deadline, kind_name, aggregate, _, attempt in self._deadlines.due(
                now, self._still_due
            ):
                command_id, command = closing_command(kind_name, aggregate, deadline, attempt)
                env = envelope(
                    command, event_id=command_id, source=SOURCE, subject=aggregate, time_ms=now
                )
                await closer.send(
                    BIDDING_COMMANDS.name,
                    env.message.SerializeToString(),
                    key=env.key,
                    headers=to_headers(env),
                )
            await asyncio.sleep(0.005)

    def _still_due(self, kind_name: str, aggregate: str, partition: int, deadline: int) -> bool:
        """Whether the aggregate is still ours, open, and ending at this deadline."""
        part = self.partitions.get(partition)
        state: Any = part.get(_KINDS[kind_name], aggregate) if part else None
        return state is not None and _KINDS[kind_name].deadline(state) == deadline

    def forget(self, partition: int) -> None:
        self.partitions.pop(partition, None)


class _Rebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, processor: BiddingProcessor) -> None:
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
            extra={"fields": {"partitions": [tp.partition for tp in assigned]}},
        )
