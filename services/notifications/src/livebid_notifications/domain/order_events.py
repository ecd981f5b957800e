"""The orders service's public events of an order's life (orders.events.v1, v1.1), as this
service sees them: only the fields a notification uses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaymentFailed:
    bundle_id: str
    order_id: str
    buyer_id: str
    show_id: str
    amount_cents: int
    currency: str
    reason: str
    what_to_do: str
    at_ms: int


@dataclass(frozen=True)
class OrderPaid:
    bundle_id: str
    order_id: str
    buyer_id: str
    show_id: str
    amount_cents: int
    currency: str
    at_ms: int


@dataclass(frozen=True)
class OrderCancelled:
    bundle_id: str
    order_id: str
    buyer_id: str
    show_id: str
    cancelled_by: str  # seller, buyer, payment
    reason: str
    refund_cents: int
    currency: str
    at_ms: int


@dataclass(frozen=True)
class BundleShipped:
    bundle_id: str
    buyer_id: str
    show_id: str
    carrier: str
    tracking_number: str
    at_ms: int


@dataclass(frozen=True)
class BundleDelivered:
    bundle_id: str
    buyer_id: str
    show_id: str
    at_ms: int


@dataclass(frozen=True)
class PayoutReleased:
    bundle_id: str
    seller_id: str
    show_id: str
    gross_cents: int
    fee_cents: int
    net_cents: int
    currency: str
    at_ms: int


OrderEvent = (
    PaymentFailed | OrderPaid | OrderCancelled | BundleShipped | BundleDelivered | PayoutReleased
)
