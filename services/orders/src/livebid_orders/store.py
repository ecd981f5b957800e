"""The orders read model: the fold of orders.events.v1, indexed by buyer, seller and show."""

from __future__ import annotations

from collections import defaultdict

from aiokafka import ConsumerRecord
from livebid.orders.v1 import events_pb2 as pb

from livebid_orders.codec import order_placed
from livebid_orders.domain import Order, OrderPlaced, evolve
from livebid_platform.envelope import decode


class OrderStore:
    def __init__(self) -> None:
        self.orders: dict[str, Order] = {}
        self._by: dict[str, defaultdict[str, list[str]]] = {
            "buyer": defaultdict(list),
            "seller": defaultdict(list),
            "show": defaultdict(list),
        }

    def apply(self, event: OrderPlaced) -> None:
        """Fold one event in; applying the same order twice changes nothing."""
        if event.order_id in self.orders:
            return
        order = evolve(None, event)
        self.orders[order.order_id] = order
        self._by["buyer"][order.buyer_id].append(order.order_id)
        self._by["seller"][order.seller_id].append(order.order_id)
        self._by["show"][order.show_id].append(order.order_id)

    def find(self, by: str, value: str) -> list[Order]:
        """The orders of one buyer, seller or show, oldest first."""
        orders = [self.orders[o] for o in self._by[by].get(value, [])]
        return sorted(orders, key=lambda o: (o.placed_at_ms, o.order_id))

    def apply_record(self, record: ConsumerRecord[bytes, bytes]) -> None:
        """Fold one record of orders.events.v1 (the Follower's `apply`)."""
        message = decode(record.value, record.headers).message
        if isinstance(message, pb.OrderPlaced):
            self.apply(order_placed(message))
