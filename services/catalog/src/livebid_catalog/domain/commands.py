"""Commands to a show, named in the imperative. Ids are chosen by the caller (see show.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScheduleShow:
    show_id: str
    seller_id: str
    title: str
    stream_url: str
    scheduled_start_ms: int


@dataclass(frozen=True)
class AddListing:
    listing_id: str
    show_id: str
    seller_id: str
    title: str
    description: str
    photo_urls: tuple[str, ...]
    category: str
    size: str
    brand: str
    condition: str
    quantity: int
    starting_price_cents: int
    currency: str
    buy_now_price_cents: int
    shipping_profile: str


@dataclass(frozen=True)
class StartShow:
    show_id: str
    seller_id: str


@dataclass(frozen=True)
class EndShow:
    show_id: str
    seller_id: str


@dataclass(frozen=True)
class PutUpForAuction:
    """Only the catalog's side of it; the auction's terms go straight to bidding."""

    show_id: str
    seller_id: str
    listing_id: str
    idempotency_key: str


@dataclass(frozen=True)
class EndListingAuction:
    """Bidding reported that an auction ended; not a seller's command."""

    show_id: str
    listing_id: str
    auction_id: str
    sold: bool


Command = ScheduleShow | AddListing | StartShow | EndShow | PutUpForAuction | EndListingAuction
