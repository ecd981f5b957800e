"""Events of an auction, named in the past tense. These are the private events: they may
carry maximum bids and the reserve; the adapter decides what is made public."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from livebid_bidding.domain.commands import Format


class RejectionReason(Enum):
    BELOW_MINIMUM = "below_minimum"
    AUCTION_CLOSED = "auction_closed"
    AUCTION_NOT_FOUND = "auction_not_found"
    SELLER_CANNOT_BID = "seller_cannot_bid"
    NOT_ELIGIBLE = "not_eligible"
    OVER_LIMIT = "over_limit"
    RATE_LIMITED = "rate_limited"
    DUPLICATE = "duplicate"
    INVALID = "invalid"
    # A plain bid, or a buy-it-now, before a scheduled auction opens (max bids are taken).
    AUCTION_NOT_OPEN = "auction_not_open"
    # No buy-it-now price, or bidding already reached it.
    BUY_NOW_UNAVAILABLE = "buy_now_unavailable"


@dataclass(frozen=True)
class AuctionOpened:
    auction_id: str
    command_id: str
    listing_id: str
    show_id: str
    seller_id: str
    format: Format
    starting_price_cents: int
    currency: str
    opened_at_ms: int
    deadline_ms: int
    counter_time_ms: int
    increment_table: str
    reserve_price_cents: int
    buy_now_price_cents: int
    require_verified_buyers: bool
    # When bidding goes live: opened_at_ms for an auction that opened at once (0 in events
    # written before scheduling existed, which also means at once).
    opens_at_ms: int = 0
    bid_rate_limit: int = 0
    bid_rate_window_ms: int = 0


@dataclass(frozen=True)
class BidAccepted:
    """A bid counted. The fields after `at_ms` are the auction's state after it."""

    auction_id: str
    command_id: str
    bidder_id: str
    amount_cents: int
    max_amount_cents: int
    at_ms: int
    price_cents: int
    leader_id: str
    leader_max_cents: int
    runner_up_max_cents: int
    deadline_ms: int
    previous_leader_id: str
    bid_count: int


@dataclass(frozen=True)
class BidRejected:
    auction_id: str
    command_id: str
    bidder_id: str
    amount_cents: int
    at_ms: int
    reason: RejectionReason
    min_next_bid_cents: int


@dataclass(frozen=True)
class AuctionClosed:
    auction_id: str
    command_id: str
    at_ms: int
    # Empty when nobody won (no bids, or the reserve was not met).
    winner_id: str
    price_cents: int
    reserve_met: bool
    deadline_ms: int
    # True when a buyer took the buy-it-now price: winner_id bought at price_cents.
    buy_now: bool = False


@dataclass(frozen=True)
class AuctionVoided:
    auction_id: str
    command_id: str
    at_ms: int
    admin_id: str
    reason: str


Event = AuctionOpened | BidAccepted | BidRejected | AuctionClosed | AuctionVoided
