"""An order's life, as notifications: who is told what by each orders.events.v1 event."""

from __future__ import annotations

import pytest

from livebid_notifications import codec
from livebid_notifications.domain import order_events as o
from livebid_notifications.domain.inbox import InvalidEvent, NotificationKind, derive

SHOW, BUNDLE = "show-1", "bundle-1"


def test_a_failed_payment_tells_the_buyer_why_and_what_to_do() -> None:
    event = o.PaymentFailed(
        BUNDLE, "order-1", "ann", SHOW, 2500, "USD", "card_declined", "Update your card.", 9
    )
    [n] = derive("ev-1", event)
    assert (n.user_id, n.kind, n.order_id, n.bundle_id) == (
        "ann",
        NotificationKind.PAYMENT_FAILED,
        "order-1",
        BUNDLE,
    )
    assert n.text == "Your payment of 25.00 USD failed (card declined). Update your card."
    assert (n.amount_cents, n.at_ms, n.show_id) == (2500, 9, SHOW)


def test_a_paid_order_tells_the_buyer() -> None:
    [n] = derive("ev-2", o.OrderPaid(BUNDLE, "order-1", "ann", SHOW, 2500, "USD", 10))
    assert (n.kind, n.text) == (
        NotificationKind.ORDER_PAID,
        "Payment received: 25.00 USD for order order-1.",
    )


def test_a_cancelled_order_tells_the_buyer_who_cancelled_and_the_refund() -> None:
    event = o.OrderCancelled(
        BUNDLE, "order-1", "ann", SHOW, "seller", "out of stock", 2500, "USD", 11
    )
    [n] = derive("ev-3", event)
    assert n.kind == NotificationKind.ORDER_CANCELLED
    assert n.text == "Order order-1 was cancelled (by the seller). Refund: 25.00 USD."
    unpaid = o.OrderCancelled(BUNDLE, "order-2", "ann", SHOW, "payment", "", 0, "USD", 12)
    assert derive("ev-4", unpaid)[0].text == "Order order-2 was cancelled (unpaid)."


def test_shipping_and_delivery_tell_the_buyer() -> None:
    [shipped] = derive("ev-5", o.BundleShipped(BUNDLE, "ann", SHOW, "USPS", "9400 1", 13))
    assert (shipped.kind, shipped.bundle_id) == (NotificationKind.SHIPPED, BUNDLE)
    assert shipped.text == "Your order shipped with USPS, tracking 9400 1."
    [delivered] = derive("ev-6", o.BundleDelivered(BUNDLE, "ann", SHOW, 14))
    assert (delivered.user_id, delivered.kind) == ("ann", NotificationKind.DELIVERED)


def test_a_released_payout_tells_the_seller_the_net_and_the_fee() -> None:
    [n] = derive("ev-7", o.PayoutReleased(BUNDLE, "sam", SHOW, 5000, 500, 4500, "USD", 15))
    assert (n.user_id, n.kind, n.amount_cents) == ("sam", NotificationKind.PAYOUT_SENT, 4500)
    assert n.text == "Payout sent: 45.00 USD (after a 5.00 USD platform fee)."


def test_an_order_event_without_its_user_is_invalid() -> None:
    with pytest.raises(InvalidEvent):
        derive("ev-8", o.BundleDelivered(BUNDLE, "", SHOW, 16))


def test_order_notifications_keep_their_order_and_bundle_on_the_wire() -> None:
    [n] = derive("ev-2", o.OrderPaid(BUNDLE, "order-1", "ann", SHOW, 2500, "USD", 10))
    again = codec.notification_from_proto(codec.notification_to_proto(n))
    assert again == n
