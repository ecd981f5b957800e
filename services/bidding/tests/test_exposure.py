"""A new buyer's spending limit counts only orders that are unpaid or in escrow, learnt
from orders' public events."""

from __future__ import annotations

from livebid.common.v1.money_pb2 import Money
from livebid.orders.v1 import events_pb2 as orders

from livebid_bidding.exposure import Exposure


def placed(order_id: str, cents: int, bundle: str = "b1") -> orders.OrderPlaced:
    return orders.OrderPlaced(
        order_id=order_id, buyer_id="bea", bundle_id=bundle, price=Money(amount_cents=cents)
    )


def test_orders_count_until_cancelled_or_paid_out_and_a_redelivery_counts_once() -> None:
    exposure = Exposure()
    for event in (
        placed("o1", 1000),
        placed("o1", 1000),
        placed("o2", 500),
        placed("o3", 200, "b2"),
    ):
        exposure.apply(event)
    assert exposure.of("bea") == 1700
    exposure.apply(orders.OrderCancelled(order_id="o2", buyer_id="bea"))
    assert exposure.of("bea") == 1200
    exposure.apply(orders.PayoutReleased(bundle_id="b1"))
    assert exposure.of("bea") == 200  # o1 settled; o3's bundle is still in escrow
    exposure.apply(orders.OrderCancelled(order_id="o2", buyer_id="bea"))  # redelivered
    assert exposure.of("bea") == 200 and exposure.of("nobody") == 0
