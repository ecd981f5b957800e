"""The order writer: turns each sale on bidding.events.v1 (a sold AuctionEnded, a
FlashSalePurchased) into exactly one OrderPlaced per unit on orders.events.v1 (acks=all),
and folds it into the store at once, so a read right after sees it.

Run it with the service: python -m livebid_orders
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiokafka import ConsumerRecord
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import public_events_pb2 as bidding_pub

from livebid_orders import codec
from livebid_orders.domain import FlashSaleTerms, InvalidSale, Sale, decide
from livebid_orders.store import OrderStore
from livebid_platform.envelope import Envelope

Publish = Callable[[Envelope], Awaitable[object]]
Sync = Callable[[], Awaitable[None]]
FindSales = Callable[[int, str], Awaitable[dict[str, FlashSaleTerms]]]  # (partition, sale id)


class OrdersProcessor:
    def __init__(
        self, store: OrderStore, publish: Publish, sync: Sync, find_sales: FindSales
    ) -> None:
        self._store = store
        self._publish = publish
        self._sync = sync
        self._find_sales = find_sales
        self._sales: dict[str, FlashSaleTerms] = {}

    async def on_bidding_event(self, env: Envelope, record: ConsumerRecord[bytes, bytes]) -> None:
        """EventConsumer handler (one event at a time, so no lock): sales place orders."""
        msg = env.message
        if isinstance(msg, flash_pb.FlashSaleOpened):
            self._sales[msg.sale_id] = codec.flash_sale_terms(msg)
        elif isinstance(msg, flash_pb.FlashSalePurchased):
            terms = await self._terms(msg.sale_id, record.partition)
            await self._place(codec.flash_sale_purchased(msg, terms), env.correlation_id)
        elif isinstance(msg, bidding_pub.AuctionEnded):
            await self._place(codec.auction_ended(msg), env.correlation_id)

    async def _terms(self, sale_id: str, partition: int) -> FlashSaleTerms:
        if sale_id not in self._sales:
            self._sales.update(await self._find_sales(partition, sale_id))
        if (terms := self._sales.get(sale_id)) is None:
            raise InvalidSale(f"no FlashSaleOpened for sale {sale_id}")
        return terms

    async def _place(self, sale: Sale, correlation_id: str) -> None:
        if not decide(self._store.orders, sale):
            return
        # Before the first write for this sale, catch up with our own log: another replica,
        # or this one before a crash, may have placed the order already.
        await self._sync()
        for event in decide(self._store.orders, sale):
            await self._publish(codec.to_envelope(event, correlation_id))
            self._store.apply(event)
