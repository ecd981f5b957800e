"""The bidding API's view of the private log: a read model of every auction, and the
decision for each command id, so a caller waiting on a command gets its definitive answer.

It reads all partitions from the beginning (no consumer group): the fold is the read model,
and a retried command whose decision is already known is answered at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from livebid_bidding import codec
from livebid_bidding.aggregates import AUCTION, FLASH_SALE, GIVEAWAY, aggregate_id, kind_of
from livebid_bidding.domain.auction import Auction
from livebid_bidding.domain.flash_sale import FlashSale
from livebid_bidding.domain.giveaway import Giveaway
from livebid_bidding.partition import Key
from livebid_platform.envelope import EnvelopeError, decode
from livebid_platform.topics import BIDDING_INTERNAL, topic_partitions

log = logging.getLogger(__name__)

Decision = tuple[Any, Any]  # (the command's first event, the aggregate after it)


class Outcomes:
    def __init__(self, bootstrap: str, capacity: int = 500_000) -> None:
        self._bootstrap = bootstrap
        self.states: dict[Key, Any] = {}
        self._decisions: OrderedDict[str, Decision] = OrderedDict()
        self._waiters: dict[str, list[asyncio.Future[Decision]]] = {}
        self._capacity = capacity
        self.caught_up = asyncio.Event()

    def auction(self, auction_id: str) -> Auction | None:
        return self.states.get((AUCTION.name, auction_id))

    def flash_sale(self, sale_id: str) -> FlashSale | None:
        return self.states.get((FLASH_SALE.name, sale_id))

    def giveaway(self, giveaway_id: str) -> Giveaway | None:
        return self.states.get((GIVEAWAY.name, giveaway_id))

    def known(self, command_id: str) -> Decision | None:
        return self._decisions.get(command_id)

    def waiter(self, command_id: str) -> asyncio.Future[Decision]:
        """A future for the first event a command causes. Register before sending it."""
        future: asyncio.Future[Decision] = asyncio.get_running_loop().create_future()
        if (decision := self._decisions.get(command_id)) is not None:
            future.set_result(decision)
        else:
            self._waiters.setdefault(command_id, []).append(future)
        return future

    def forget_waiter(self, command_id: str, future: asyncio.Future[Decision]) -> None:
        waiters = self._waiters.get(command_id, [])
        if future in waiters:
            waiters.remove(future)
        if not waiters:
            self._waiters.pop(command_id, None)

    async def run(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            enable_auto_commit=False,
            isolation_level="read_committed",
        )
        await consumer.start()
        try:
            parts = await topic_partitions(self._bootstrap, BIDDING_INTERNAL.name)
            tps = [TopicPartition(BIDDING_INTERNAL.name, p) for p in parts]
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            ends = await consumer.end_offsets(tps)
            while True:
                batch = await consumer.getmany(timeout_ms=100, max_records=5000)
                for records in batch.values():
                    for record in records:
                        self._apply(record.value, record.headers)
                if not self.caught_up.is_set() and all(
                    [await consumer.position(tp) >= ends[tp] for tp in tps]
                ):
                    self.caught_up.set()
        finally:
            await consumer.stop()

    def _apply(self, value: bytes | None, headers: object) -> None:
        try:
            event = codec.event_from_proto(decode(value, headers).message)  # type: ignore[arg-type]
            kind = kind_of(event)
        except (EnvelopeError, ValueError) as exc:
            log.error("unreadable private event", extra={"fields": {"reason": str(exc)}})
            return
        key = (kind.name, aggregate_id(event))
        state = kind.evolve(self.states.get(key), event)
        if state is not None:  # a refusal for an unknown aggregate creates nothing
            self.states[key] = state
        command_id: str = event.command_id
        if command_id in self._decisions:
            return  # the first event of a command is its answer
        self._decisions[command_id] = (event, state)
        if len(self._decisions) > self._capacity:
            self._decisions.popitem(last=False)
        for future in self._waiters.pop(command_id, []):
            if not future.done():
                future.set_result((event, state))
