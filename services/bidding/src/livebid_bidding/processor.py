"""The bidding processor: the one writer for the auctions of the partitions it owns.

It consumes `bidding.commands.v1` in a consumer group. For each partition it owns, it first
rebuilds every auction by folding partition N of `bidding.internal.v1` (the same key lands
on the same partition number in both topics), then decides each command in log order and
writes the private events, their public translations and the consumed offsets in ONE Kafka
transaction: a crash anywhere leaves either all of a batch's effects or none.

It also schedules closes: when the wall clock passes an auction's deadline it appends a
CloseAuction command to the same partition. The decision to close is taken later, from that
command's log time, so a bid appended before it is still honoured.

Run: python -m livebid_bidding processor
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import time
from dataclasses import dataclass, field

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.structs import ConsumerRecord
from livebid.bidding.v1 import commands_pb2
from livebid_platform.consumer import read_to_end
from livebid_platform.envelope import Envelope, EnvelopeError, decode, envelope, to_headers
from livebid_platform.producer import durable_producer
from livebid_platform.topics import BIDDING_COMMANDS, BIDDING_EVENTS, BIDDING_INTERNAL, DEAD_LETTER

from livebid_bidding import codec
from livebid_bidding.domain.auction import Auction, decide, evolve

log = logging.getLogger(__name__)
SOURCE = "livebid.bidding"

Output = tuple[str, bytes | None, list[tuple[str, bytes]], bytes]  # topic, value, headers, key


@dataclass
class PartitionState:
    """The auctions of one partition, and the ids of commands already decided there."""

    auctions: dict[str, Auction] = field(default_factory=dict)
    seen_commands: set[str] = field(default_factory=set)

    def apply(self, event: codec.e.Event) -> Auction | None:
        state = evolve(self.auctions.get(event.auction_id), event)
        if state is not None:
            self.auctions[event.auction_id] = state
        self.seen_commands.add(event.command_id)
        return state


def _out(topic: str, env: Envelope) -> Output:
    return topic, env.message.SerializeToString(), to_headers(env), env.key


def _dead_letter(record: ConsumerRecord[bytes, bytes], reason: str) -> Output:
    headers = [
        *list(record.headers or ()),
        ("dlq_reason", reason.encode()),
        ("dlq_topic", record.topic.encode()),
        ("dlq_partition", str(record.partition).encode()),
        ("dlq_offset", str(record.offset).encode()),
        ("dlq_consumer", b"bidding-processor"),
    ]
    log.warning("dead-lettered a command", extra={"fields": {"offset": record.offset, "reason": reason}})
    return DEAD_LETTER.name, record.value, headers, record.key or b""


def handle_command(part: PartitionState, record: ConsumerRecord[bytes, bytes]) -> list[Output]:
    """Decide one command record: the records to append (pure apart from `part`)."""
    try:
        env = decode(record.value, record.headers)
        command = codec.command_from_proto(env.message, record.timestamp)
    except (EnvelopeError, ValueError) as exc:
        return [_dead_letter(record, str(exc))]
    if not command.command_id or not command.auction_id:
        return [_dead_letter(record, "command_id and auction_id are required")]
    if command.command_id in part.seen_commands:
        return []  # a retried command has no second effect
    try:
        return _decide_one(part, command, env.correlation_id)
    except ValueError as exc:
        return [_dead_letter(record, f"invalid command: {exc}")]
    except Exception as exc:  # a bug must not stop every auction of the partition
        log.exception("command failed")
        return [_dead_letter(record, f"{type(exc).__name__}: {exc}")]


def _decide_one(part: PartitionState, command: codec.c.Command, correlation: str) -> list[Output]:
    events = decide(part.auctions.get(command.auction_id), command)
    outputs: list[Output] = []
    for i, event in enumerate(events):
        state = part.apply(event)
        assert state is not None
        # Ids derive from the command, so replaying the same commands yields the same ids.
        event_id = f"{command.auction_id}/{command.command_id}/{i}"
        common = {"source": SOURCE, "subject": command.auction_id, "time_ms": command.at_ms,
                  "correlation_id": correlation}
        outputs.append(_out(BIDDING_INTERNAL.name, envelope(codec.event_to_proto(event), event_id=event_id, **common)))
        for j, public in enumerate(codec.public_events(event, state)):
            outputs.append(_out(BIDDING_EVENTS.name, envelope(public, event_id=f"{event_id}.{j}", **common)))
    part.seen_commands.add(command.command_id)
    return outputs


class BiddingProcessor:
    def __init__(self, bootstrap: str, group_id: str = "bidding-processor", replica: str = "0") -> None:
        self._bootstrap = bootstrap
        self._group_id = group_id
        # A stable transactional id per replica: a restarted replica fences its old self and
        # aborts whatever transaction the old one left open.
        self._transactional_id = f"{group_id}-{replica}"
        self.partitions: dict[int, PartitionState] = {}
        self._deadlines: list[tuple[int, str, int]] = []  # (deadline, auction, partition)
        self._close_requested: dict[str, int] = {}
        self.ready = asyncio.Event()

    async def run(self) -> None:
        # A transaction begun right after a commit is refused (CONCURRENT_TRANSACTIONS) until the
        # broker has written the commit markers; retry within milliseconds, not aiokafka's 100.
        producer = durable_producer(
            self._bootstrap, transactional_id=self._transactional_id, retry_backoff_ms=5
        )
        closer = durable_producer(self._bootstrap)
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            group_id=self._group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
        )
        await producer.start()
        await closer.start()
        await consumer.start()
        consumer.subscribe([BIDDING_COMMANDS.name], listener=_Rebalance(self))
        scheduler = asyncio.create_task(self._schedule_closes(closer))
        try:
            while True:
                batch = await consumer.getmany(timeout_ms=50, max_records=2000)
                if batch:
                    await self._decide_batch(producer, batch)
        finally:
            scheduler.cancel()
            await consumer.stop()
            await producer.stop()
            await closer.stop()

    async def _decide_batch(
        self, producer: AIOKafkaProducer, batch: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]]
    ) -> None:
        offsets = {}
        async with producer.transaction():
            for tp, records in batch.items():
                part = self.partitions.setdefault(tp.partition, PartitionState())
                for record in records:
                    for topic, value, headers, key in handle_command(part, record):
                        await producer.send(topic, value, key=key, headers=headers)
                    self._watch(tp.partition, part, record.key)
                offsets[tp] = records[-1].offset + 1
            await producer.send_offsets_to_transaction(offsets, self._group_id)

    def _watch(self, partition: int, part: PartitionState, key: bytes | None) -> None:
        auction = part.auctions.get((key or b"").decode())
        if auction is not None and auction.is_open:
            heapq.heappush(self._deadlines, (auction.deadline_ms, auction.auction_id, partition))

    async def rebuild(self, partition: int) -> None:
        """Fold partition N of the private log into the auctions this replica now owns."""
        part = PartitionState()
        count = 0
        async for record in read_to_end(self._bootstrap, BIDDING_INTERNAL.name, [partition]):
            part.apply(codec.event_from_proto(decode(record.value, record.headers).message))
            count += 1
        self.partitions[partition] = part
        for auction in part.auctions.values():
            if auction.is_open:
                heapq.heappush(self._deadlines, (auction.deadline_ms, auction.auction_id, partition))
        log.info("rebuilt partition", extra={"fields": {"partition": partition, "events": count,
                                                         "auctions": len(part.auctions)}})

    async def _schedule_closes(self, closer: AIOKafkaProducer) -> None:
        """Append a close command for every auction whose deadline the wall clock passed."""
        while True:
            now = int(time.time() * 1000)
            while self._deadlines and self._deadlines[0][0] <= now:
                deadline, auction_id, partition = heapq.heappop(self._deadlines)
                auction = self.partitions.get(partition, PartitionState()).auctions.get(auction_id)
                if auction is None or not auction.is_open or auction.deadline_ms != deadline:
                    continue  # closed, extended (a later entry exists) or no longer ours
                if self._close_requested.get(auction_id) == deadline:
                    continue
                self._close_requested[auction_id] = deadline
                command_id = f"close:{auction_id}:{deadline}"
                env = envelope(
                    commands_pb2.CloseAuction(command_id=command_id, auction_id=auction_id),
                    event_id=command_id, source=SOURCE, subject=auction_id, time_ms=now,
                )
                await closer.send(BIDDING_COMMANDS.name, env.message.SerializeToString(),
                                  key=env.key, headers=to_headers(env))
            await asyncio.sleep(0.005)

    def forget(self, partition: int) -> None:
        self.partitions.pop(partition, None)


class _Rebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, processor: BiddingProcessor) -> None:
        self._processor = processor

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        for tp in revoked:
            self._processor.forget(tp.partition)

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        for tp in assigned:
            await self._processor.rebuild(tp.partition)
        self._processor.ready.set()
        log.info("partitions assigned", extra={"fields": {"partitions": [tp.partition for tp in assigned]}})
