"""Who is told what of an order's life: one small rule per orders.events.v1 event, each
registered with the notifier's `rule` (domain/inbox.py)."""

from __future__ import annotations

from livebid_notifications.domain import order_events as o
from livebid_notifications.domain.inbox import (
    Audience,
    Notification,
    NotificationKind,
    money_text,
    require,
    rule,
)


def _told(
    user_id: str,
    kind: NotificationKind,
    source: str,
    event: o.OrderEvent,
    text: str,
    amount_cents: int = 0,
    currency: str = "",
    order_id: str = "",
) -> list[Notification]:
    require(user_id, f"{type(event).__name__} without the user to tell")
    return [
        Notification(
            user_id,
            kind,
            source,
            "",
            event.show_id,
            amount_cents,
            currency,
            text,
            event.at_ms,
            order_id=order_id,
            bundle_id=event.bundle_id,
        )
    ]


@rule.register
def _(event: o.PaymentFailed, source: str, audience: Audience) -> list[Notification]:
    amount = money_text(event.amount_cents, event.currency)
    why = event.reason.replace("_", " ") or "declined"
    text = f"Your payment of {amount} failed ({why}). {event.what_to_do}".strip()
    kind = NotificationKind.PAYMENT_FAILED
    return _told(
        event.buyer_id, kind, source, event, text, event.amount_cents, event.currency,
        event.order_id,
    )  # fmt: skip


@rule.register
def _(event: o.OrderPaid, source: str, audience: Audience) -> list[Notification]:
    amount = money_text(event.amount_cents, event.currency)
    text = f"Payment received: {amount} for order {event.order_id}."
    kind = NotificationKind.ORDER_PAID
    return _told(
        event.buyer_id, kind, source, event, text, event.amount_cents, event.currency,
        event.order_id,
    )  # fmt: skip


@rule.register
def _(event: o.OrderCancelled, source: str, audience: Audience) -> list[Notification]:
    by = {"seller": "by the seller", "buyer": "at your request", "payment": "unpaid"}
    text = f"Order {event.order_id} was cancelled ({by.get(event.cancelled_by, 'cancelled')})."
    if event.refund_cents:
        text += f" Refund: {money_text(event.refund_cents, event.currency)}."
    kind = NotificationKind.ORDER_CANCELLED
    return _told(
        event.buyer_id, kind, source, event, text, event.refund_cents, event.currency,
        event.order_id,
    )  # fmt: skip


@rule.register
def _(event: o.BundleShipped, source: str, audience: Audience) -> list[Notification]:
    text = f"Your order shipped with {event.carrier}, tracking {event.tracking_number}."
    return _told(event.buyer_id, NotificationKind.SHIPPED, source, event, text)


@rule.register
def _(event: o.BundleDelivered, source: str, audience: Audience) -> list[Notification]:
    text = "Your order was delivered."
    return _told(event.buyer_id, NotificationKind.DELIVERED, source, event, text)


@rule.register
def _(event: o.PayoutReleased, source: str, audience: Audience) -> list[Notification]:
    net = money_text(event.net_cents, event.currency)
    fee = money_text(event.fee_cents, event.currency)
    text = f"Payout sent: {net} (after a {fee} platform fee)."
    kind = NotificationKind.PAYOUT_SENT
    return _told(event.seller_id, kind, source, event, text, event.net_cents, event.currency)
