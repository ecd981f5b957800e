"""Follows orders.events.v1 from the beginning, on every partition, without a consumer group,
folding each order into the store: the rebuild on start and the live read model in one.

`sync()` waits until everything appended so far is folded in. The order writer calls it
before placing an order, so after a rebalance it sees the orders a previous owner of the
partition placed, and a redelivered sale cannot become a second order.
"""

from __future__ import annotations

import asyncio
import logging

from aiokafka import AIOKafkaConsumer, TopicPartition
from livebid.orders.v1 import events_pb2 as pb

from livebid_orders import codec
from livebid_orders.store import OrderStore
from livebid_platform.envelope import EnvelopeError, Headers, decode
from livebid_platform.topics import ORDERS_EVENTS, topic_partitions

log = logging.getLogger(__name__)


class OrdersFollower:
    def __init__(self, bootstrap: str, store: OrderStore) -> None:
        self._bootstrap = bootstrap
        self._store = store
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, enable_auto_commit=False, isolation_level="read_committed"
        )
        self._positions: dict[TopicPartition, int] = {}
        self._moved = asyncio.Condition()
        self._started = False
        self._failure: BaseException | None = None

    async def run(self) -> None:
        try:
            await self._follow()
        except BaseException as exc:
            async with self._moved:  # wake sync() callers, so they fail instead of hanging
                self._failure = exc
                self._moved.notify_all()
            raise

    async def _follow(self) -> None:
        await self._consumer.start()
        try:
            parts = await topic_partitions(self._bootstrap, ORDERS_EVENTS.name)
            tps = [TopicPartition(ORDERS_EVENTS.name, p) for p in parts]
            self._consumer.assign(tps)
            await self._consumer.seek_to_beginning(*tps)
            async with self._moved:
                self._positions = {tp: 0 for tp in tps}
                self._started = True
                self._moved.notify_all()
            while True:
                batch = await self._consumer.getmany(timeout_ms=100, max_records=5000)
                for records in batch.values():
                    for record in records:
                        self._apply(record.value, record.headers)
                async with self._moved:
                    for tp in tps:
                        self._positions[tp] = await self._consumer.position(tp)
                    self._moved.notify_all()
        finally:
            await self._consumer.stop()

    async def sync(self) -> None:
        """Return once every order appended before this call is in the store."""
        async with self._moved:
            await self._moved.wait_for(lambda: self._started or self._failure is not None)
        self._raise_if_failed()
        ends = await self._consumer.end_offsets(list(self._positions))
        async with self._moved:
            await self._moved.wait_for(
                lambda: (
                    self._failure is not None
                    or all(self._positions[tp] >= end for tp, end in ends.items())
                )
            )
        self._raise_if_failed()

    def _raise_if_failed(self) -> None:
        if self._failure is not None:
            raise RuntimeError("the orders follower stopped") from self._failure

    def _apply(self, value: bytes | None, headers: Headers) -> None:
        try:
            msg = decode(value, headers).message
        except EnvelopeError as exc:
            # Our own log: nothing else writes it, so this is a bug to see, not to stop on.
            log.error("unreadable order event", extra={"fields": {"reason": str(exc)}})
            return
        if isinstance(msg, pb.OrderPlaced):
            self._store.apply(codec.order_placed(msg))
