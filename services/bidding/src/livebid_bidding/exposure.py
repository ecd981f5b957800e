"""What each buyer has at stake for a new buyer's spending limit, learnt from orders' public
events (orders.events.v1), never by calling orders: an order counts from OrderPlaced while
it is unpaid or its money is in escrow, and stops counting when it is cancelled or its
bundle's payout is released (the sale is settled)."""

from __future__ import annotations

from collections import defaultdict

from aiokafka import ConsumerRecord
from livebid.orders.v1 import events_pb2 as orders_pub

from livebid_platform.envelope import decode


class Exposure:
    def __init__(self) -> None:
        self._open: dict[str, tuple[str, int]] = {}  # order id -> (buyer, price in cents)
        self._seen: set[str] = set()  # every order ever placed: a redelivery counts once
        self._by_bundle: defaultdict[str, set[str]] = defaultdict(set)
        self._owed: defaultdict[str, int] = defaultdict(int)

    def of(self, buyer_id: str) -> int:
        """The buyer's unpaid and escrowed orders, in cents."""
        return self._owed.get(buyer_id, 0)

    def apply(self, message: object) -> None:
        if isinstance(message, orders_pub.OrderPlaced):
            if message.order_id in self._seen:
                return
            self._seen.add(message.order_id)
            self._open[message.order_id] = (message.buyer_id, message.price.amount_cents)
            self._by_bundle[message.bundle_id].add(message.order_id)
            self._owed[message.buyer_id] += message.price.amount_cents
        elif isinstance(message, orders_pub.OrderCancelled):
            self._settle(message.order_id)
        elif isinstance(message, orders_pub.PayoutReleased):
            for order_id in self._by_bundle.pop(message.bundle_id, set()):
                self._settle(order_id)

    def _settle(self, order_id: str) -> None:
        if (known := self._open.pop(order_id, None)) is not None:
            buyer, price = known
            self._owed[buyer] -= price

    def apply_record(self, record: ConsumerRecord[bytes, bytes]) -> None:
        """Fold one record of orders.events.v1 (a Follower's `apply`)."""
        self.apply(decode(record.value, record.headers).message)
