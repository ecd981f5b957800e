"""Commands to an auction, named in the imperative. `at_ms` is the command's log time."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Format(Enum):
    STANDARD = "standard"
    SUDDEN_DEATH = "sudden_death"


@dataclass(frozen=True)
class OpenAuction:
    command_id: str
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    format: Format
    starting_price_cents: int
    currency: str
    duration_ms: int
    counter_time_ms: int
    increment_table: str
    at_ms: int
    reserve_price_cents: int = 0
    buy_now_price_cents: int = 0
    require_verified_buyers: bool = False
    # Log time the auction starts; 0 (or a past time) starts it at once. Until then it takes
    # pre-bids (max bids only), and its timer runs from this time, not from `at_ms`.
    opens_at_ms: int = 0
    # Each buyer may make at most `bid_rate_limit` bids per `bid_rate_window_ms` of log time
    # in this auction; 0 means no limit (the edge API picks the product's default).
    bid_rate_limit: int = 0
    bid_rate_window_ms: int = 0


@dataclass(frozen=True)
class PlaceBid:
    command_id: str
    auction_id: str
    bidder_id: str
    amount_cents: int
    at_ms: int
    # The bidder's private maximum; 0 means the bid is its own maximum.
    max_amount_cents: int = 0
    bidder_verified: bool = False
    # New buyers' spending limit, and what they are already committed to outside this
    # auction (unpaid orders, maximums leading elsewhere), both looked up by the caller.
    # 0 means no limit. Refused when commitments plus this bid's maximum exceed the limit.
    spending_limit_cents: int = 0
    open_commitments_cents: int = 0


@dataclass(frozen=True)
class BuyNow:
    """Buy at the buy-it-now price, ending the auction at once."""

    command_id: str
    auction_id: str
    buyer_id: str
    at_ms: int
    bidder_verified: bool = False
    spending_limit_cents: int = 0
    open_commitments_cents: int = 0


@dataclass(frozen=True)
class CloseAuction:
    command_id: str
    auction_id: str
    at_ms: int


@dataclass(frozen=True)
class VoidAuction:
    command_id: str
    auction_id: str
    admin_id: str
    reason: str
    at_ms: int


Command = OpenAuction | PlaceBid | CloseAuction | VoidAuction | BuyNow
