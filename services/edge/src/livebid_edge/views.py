"""What the edge API answers, one pydantic model per answer, so /openapi.json shows it.

A view of a service's reply has exactly the reply's fields (`jsonview.as_json`): every field
present, integers as numbers, money as integer cents with its currency. Statuses and
rejection reasons are the closed sets the services document; the tests hold them to the
protos, so a new value is caught there and not as a 500 in production.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, Self

from google.protobuf.message import Message
from pydantic import BaseModel, ConfigDict

from livebid_edge.jsonview import as_json


class Answer(BaseModel):
    # A field's docstring is its description in the OpenAPI document.
    model_config = ConfigDict(use_attribute_docstrings=True)


class View(Answer):
    @classmethod
    def of(cls, message: Message) -> Self:
        """This view of a service's reply."""
        return cls.model_validate(as_json(message))


class Money(Answer):
    amount_cents: int
    currency: str
    """ISO 4217, e.g. "USD"; "" where no price was set."""


# Decisions: a bid, a purchase or an entry, answered definitively.

DecisionStatus = Literal["accepted", "rejected", "unknown"]

BidRejection = Literal[
    "unspecified",
    "below_minimum",
    "auction_closed",
    "auction_not_found",
    "seller_cannot_bid",
    "not_eligible",
    "over_limit",
    "rate_limited",
    "duplicate",
    "invalid",
    "auction_not_open",
    "buy_now_unavailable",
]
FlashSaleRejection = Literal[
    "unspecified",
    "sold_out",
    "not_enough_left",
    "over_buyer_limit",
    "over_spending_limit",
    "closed",
    "not_found",
    "seller_cannot_bid",
    "invalid",
]
EntryRejection = Literal[
    "unspecified",
    "not_found",
    "closed",
    "not_a_follower",
    "not_verified",
    "already_entered",
    "seller_cannot_enter",
]

_STATUS = {"BID_STATUS_ACCEPTED": "accepted", "BID_STATUS_REJECTED": "rejected"}


class Decision(View):
    """`status` accepted or rejected; for a rejection, `reason` as a short code such as
    "below_minimum", otherwise null."""

    # The prefix of the reply's reason enum, dropped from the short code.
    reason_prefix: ClassVar[str]

    status: DecisionStatus

    @classmethod
    def of(cls, message: Message) -> Self:
        view: dict[str, Any] = as_json(message)
        view["status"] = _STATUS.get(view["status"], "unknown")
        rejected = view["status"] == "rejected"
        view["reason"] = (
            view["reason"].removeprefix(cls.reason_prefix).lower() if rejected else None
        )
        return cls.model_validate(view)


class BidDecision(Decision):
    reason_prefix = "REJECTION_REASON_"
    reason: BidRejection | None
    price: Money
    """The auction's price right after this bid."""
    leader_id: str
    min_next_bid_cents: int
    deadline_ms: int
    leading: bool
    """Whether the caller leads after this bid."""


class BuyNowDecision(Decision):
    reason_prefix = "REJECTION_REASON_"
    reason: BidRejection | None
    price: Money


class PurchaseDecision(Decision):
    reason_prefix = "FLASH_SALE_REJECTION_REASON_"
    reason: FlashSaleRejection | None
    remaining: int
    quantity: int
    unit_price: Money


class EntryDecision(Decision):
    reason_prefix = "ENTRY_REJECTION_REASON_"
    reason: EntryRejection | None
    entrant_number: int


# Auctions.


class AuctionView(View):
    auction_id: str
    listing_id: str
    show_id: str
    status: Literal["open", "closed", "voided"]
    price: Money
    """Once sold, the price it sold for."""
    leader_id: str
    deadline_ms: int
    bid_count: int
    min_next_bid_cents: int
    winner_id: str


class NewAuction(View):
    auction_id: str
    deadline_ms: int


class VoidedAuction(Answer):
    auction_id: str
    status: Literal["voided"]


# Shows and listings.


class NewShow(View):
    show_id: str


class NewListing(View):
    listing_id: str


class ListingView(View):
    listing_id: str
    title: str
    starting_price: Money
    quantity: int
    """Units left to sell."""
    status: Literal["available", "in_auction", "in_flash_sale", "in_giveaway", "sold"]
    auction_id: str
    """The listing's latest auction ("" when none)."""
    run_order: int
    sale_id: str
    """The listing's latest flash sale ("" when none)."""
    giveaway_id: str
    """The listing's latest giveaway ("" when none)."""


class ShowView(View):
    show_id: str
    seller_id: str
    title: str
    status: Literal["scheduled", "live", "ended"]
    pinned_listing_id: str
    listings: list[ListingView]
    stream_url: str


class ShowStatusChange(Answer):
    show_id: str
    status: Literal["live", "ended"]


# Flash sales and giveaways.


class NewFlashSale(View):
    sale_id: str
    deadline_ms: int


class NewGiveaway(View):
    giveaway_id: str
    ends_at_ms: int


class GiveawayView(View):
    giveaway_id: str
    status: Literal["open", "drawn"]
    entrant_count: int
    winner_id: str
    """Empty until drawn, and when nobody entered."""
    seed: str
    """The draw's seed: anyone can re-run the draw with it."""
    algorithm: str
    """How the winner is drawn from the seed and the entrants in log order."""
    ends_at_ms: int
    seller_id: str
    followers_only: bool
    verified_only: bool


# Orders and notifications.


OrderStatus = Literal[
    "placed",  # before payment existed (v1.0 orders)
    "payment_pending",
    "payment_failed",
    "paid",
    "cancelled",
    "shipped",
    "delivered",
    "payout_released",
]


class OrderView(View):
    order_id: str
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    price: Money
    placed_at_ms: int
    status: OrderStatus
    bundle_id: str
    """The bundle it ships in: everything the buyer won from this seller in this show."""
    cancellation_requested: bool
    reason: str
    """Why a payment failed or the order was cancelled ("" otherwise)."""


class OrderList(View):
    orders: list[OrderView]


class BundleView(View):
    bundle_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    status: Literal["open", "closed", "shipped", "delivered", "paid_out"]
    """open while the show runs; closed once it ended (shipping is charged then)."""
    shipping: Money
    """Recomputed as items join or leave, from the listing's shipping profile."""
    order_ids: list[str]
    carrier: str
    tracking_number: str
    held: Money
    """What the platform holds in escrow for this bundle until delivery."""


class BundleAnswer(View):
    bundle: BundleView


class BundleActionView(View):
    """An accepted change to a bundle (a refusal is a 4xx whose detail is the reason)."""

    accepted: bool
    code: str
    reason: str
    bundle: BundleView


class LedgerEntryView(View):
    account: str
    amount_cents: int


class LedgerPostingView(View):
    bundle_id: str
    show_id: str
    posting_id: str
    kind: Literal["charge", "refund", "payout"]
    currency: str
    entries: list[LedgerEntryView]
    """Signed amounts that sum to zero (double entry)."""


class LedgerView(View):
    postings: list[LedgerPostingView]


class NotificationView(View):
    user_id: str
    cursor: int
    """Position in the user's inbox, from 1; resume after the last one seen."""
    kind: Literal[
        "NOTIFICATION_KIND_UNSPECIFIED",
        "NOTIFICATION_KIND_OUTBID",
        "NOTIFICATION_KIND_WON",
        "NOTIFICATION_KIND_ORDER_PLACED",
        "NOTIFICATION_KIND_SHOW_STARTED",
        "NOTIFICATION_KIND_PAYMENT_FAILED",
        "NOTIFICATION_KIND_ORDER_PAID",
        "NOTIFICATION_KIND_ORDER_CANCELLED",
        "NOTIFICATION_KIND_SHIPPED",
        "NOTIFICATION_KIND_DELIVERED",
        "NOTIFICATION_KIND_PAYOUT_SENT",
    ]
    auction_id: str
    show_id: str
    amount_cents: int
    currency: str
    text: str
    at_ms: int
    source_event_id: str
    order_id: str
    """For an order's notifications (payment, cancellation); else empty."""
    bundle_id: str
    """For an order's and a shipment's notifications; else empty."""


class Inbox(View):
    notifications: list[NotificationView]


class Following(Answer):
    """Whether the caller now follows the seller; changed is false when it already did."""

    seller_id: str
    following: bool
    changed: bool


# Operations and development.


class Health(Answer):
    status: Literal["ok"]


class DevToken(Answer):
    token: str
