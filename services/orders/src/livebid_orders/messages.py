"""The bundle's commands and events, frozen dataclasses that mirror their protobuf messages
field for field (livebid.orders.internal.v1 for commands and private events,
livebid.orders.v1 for events that are also public). A command's `at_ms` is its log time."""

from __future__ import annotations

from dataclasses import dataclass

from livebid_orders.ledger import LedgerEntry

# Commands: the payments worker's reports.


@dataclass(frozen=True)
class PaymentSucceeded:
    bundle_id: str
    charge_id: str
    provider_ref: str
    at_ms: int = 0


@dataclass(frozen=True)
class PaymentDeclined:
    bundle_id: str
    charge_id: str
    reason: str
    at_ms: int = 0


@dataclass(frozen=True)
class RefundSucceeded:
    bundle_id: str
    refund_id: str
    provider_ref: str
    at_ms: int = 0


# Commands: people, and the show's end.


@dataclass(frozen=True)
class RetryPayment:
    bundle_id: str
    buyer_id: str
    card_ref: str
    at_ms: int = 0


@dataclass(frozen=True)
class EndShow:
    bundle_id: str
    at_ms: int = 0


@dataclass(frozen=True)
class CancelOrder:
    bundle_id: str
    order_id: str
    seller_id: str
    reason: str
    at_ms: int = 0


@dataclass(frozen=True)
class RequestCancellation:
    bundle_id: str
    order_id: str
    buyer_id: str
    reason: str
    at_ms: int = 0


@dataclass(frozen=True)
class AnswerCancellation:
    bundle_id: str
    order_id: str
    seller_id: str
    accept: bool
    at_ms: int = 0


@dataclass(frozen=True)
class MarkShipped:
    bundle_id: str
    seller_id: str
    carrier: str
    tracking_number: str
    at_ms: int = 0


@dataclass(frozen=True)
class ConfirmDelivery:
    bundle_id: str
    confirmed_by: str
    at_ms: int = 0


# Private events.


@dataclass(frozen=True)
class ChargeRequested:
    bundle_id: str
    charge_id: str  # also the provider's idempotency key
    order_id: str  # "" for the shipping charge
    amount_cents: int
    currency: str
    card_ref: str
    attempt: int
    buyer_id: str


@dataclass(frozen=True)
class ChargeSucceeded:
    bundle_id: str
    charge_id: str
    provider_ref: str


@dataclass(frozen=True)
class RefundRequested:
    bundle_id: str
    refund_id: str  # also the provider's idempotency key
    order_id: str  # "" for a shipping refund
    amount_cents: int
    currency: str
    buyer_id: str
    kind: str  # order, shipping, not_owed


@dataclass(frozen=True)
class RefundCompleted:
    bundle_id: str
    refund_id: str
    provider_ref: str


@dataclass(frozen=True)
class BundleClosed:
    bundle_id: str
    at_ms: int


# Events that are public as they are (see livebid.orders.v1 events.proto for each).


@dataclass(frozen=True)
class PaymentFailed:
    bundle_id: str
    charge_id: str
    order_id: str
    buyer_id: str
    show_id: str
    amount_cents: int
    currency: str
    reason: str
    what_to_do: str
    retry_until: str


@dataclass(frozen=True)
class OrderPaid:
    bundle_id: str
    order_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    amount_cents: int
    currency: str


@dataclass(frozen=True)
class OrderCancelled:
    bundle_id: str
    order_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    listing_id: str
    cancelled_by: str
    reason: str
    refund_cents: int
    currency: str
    relisted: bool


@dataclass(frozen=True)
class CancellationRequested:
    bundle_id: str
    order_id: str
    buyer_id: str
    seller_id: str
    reason: str


@dataclass(frozen=True)
class CancellationDeclined:
    bundle_id: str
    order_id: str
    buyer_id: str
    seller_id: str


@dataclass(frozen=True)
class ShippingChanged:
    bundle_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    items: int
    shipping_cents: int
    currency: str


@dataclass(frozen=True)
class BundleShipped:
    bundle_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    carrier: str
    tracking_number: str
    order_ids: tuple[str, ...]


@dataclass(frozen=True)
class BundleDelivered:
    bundle_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    confirmed_by: str
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


@dataclass(frozen=True)
class LedgerPosted:
    bundle_id: str
    show_id: str
    posting_id: str
    kind: str  # charge, refund, payout
    currency: str
    entries: tuple[LedgerEntry, ...]


PRIVATE_EVENTS = (ChargeRequested, ChargeSucceeded, RefundRequested, RefundCompleted, BundleClosed)
PUBLIC_EVENTS = (
    PaymentFailed,
    OrderPaid,
    OrderCancelled,
    CancellationRequested,
    CancellationDeclined,
    ShippingChanged,
    BundleShipped,
    BundleDelivered,
    PayoutReleased,
)
COMMANDS = (
    PaymentSucceeded,
    PaymentDeclined,
    RefundSucceeded,
    RetryPayment,
    EndShow,
    CancelOrder,
    RequestCancellation,
    AnswerCancellation,
    MarkShipped,
    ConfirmDelivery,
)
