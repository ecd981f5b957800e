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


Command = OpenAuction | PlaceBid | CloseAuction | VoidAuction
