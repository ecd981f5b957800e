"""Events of a show, named in the past tense; they mirror livebid.catalog.v1 field for field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShowScheduled:
    show_id: str
    seller_id: str
    title: str
    stream_url: str
    scheduled_start_ms: int


@dataclass(frozen=True)
class ShowStarted:
    show_id: str
    seller_id: str


@dataclass(frozen=True)
class ShowEnded:
    show_id: str
    seller_id: str


@dataclass(frozen=True)
class ListingAdded:
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
    run_order: int


@dataclass(frozen=True)
class ListingPinned:
    show_id: str
    listing_id: str


@dataclass(frozen=True)
class ListingPutUpForAuction:
    show_id: str
    listing_id: str
    auction_id: str
    # The seller's key for the request; the adapter keeps it in the event id, not the payload.
    idempotency_key: str


@dataclass(frozen=True)
class ListingAuctionEnded:
    show_id: str
    listing_id: str
    auction_id: str
    sold: bool


@dataclass(frozen=True)
class ListingPutUpForFlashSale:
    show_id: str
    listing_id: str
    sale_id: str
    quantity: int
    # As for auctions: the seller's key travels in the event id, not the payload.
    idempotency_key: str


@dataclass(frozen=True)
class ListingFlashSaleEnded:
    show_id: str
    listing_id: str
    sale_id: str
    units_sold: int


@dataclass(frozen=True)
class ListingPutUpForGiveaway:
    show_id: str
    listing_id: str
    giveaway_id: str
    idempotency_key: str  # in the event id, not the payload


@dataclass(frozen=True)
class ListingGiveawayEnded:
    show_id: str
    listing_id: str
    giveaway_id: str
    winner_id: str  # "": nobody entered, nothing was given away


PutUp = ListingPutUpForAuction | ListingPutUpForFlashSale | ListingPutUpForGiveaway

Event = (
    ShowScheduled
    | ShowStarted
    | ShowEnded
    | ListingAdded
    | ListingPinned
    | ListingPutUpForAuction
    | ListingAuctionEnded
    | ListingPutUpForFlashSale
    | ListingFlashSaleEnded
    | ListingPutUpForGiveaway
    | ListingGiveawayEnded
)
