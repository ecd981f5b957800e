"""Events of a show, named in the past tense. They mirror livebid.catalog.internal.v1 field
for field (the catalog's private log); the public livebid.catalog.v1 messages carry the
same fields minus what stays private (sale terms such as a reserve, the seller's keys)."""

from __future__ import annotations

from dataclasses import dataclass

from livebid_catalog.domain.commands import AuctionTerms


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
    """The listing is reserved for an auction; what bidding needs to open it comes along."""

    show_id: str
    listing_id: str
    auction_id: str
    idempotency_key: str  # the seller's key for the request
    seller_id: str
    starting_price_cents: int
    currency: str
    buy_now_price_cents: int
    terms: AuctionTerms


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
    idempotency_key: str
    seller_id: str
    price_cents: int
    list_price_cents: int
    currency: str
    per_buyer_limit: int
    duration_ms: int


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
    idempotency_key: str
    seller_id: str
    duration_ms: int
    followers_only: bool
    verified_only: bool


@dataclass(frozen=True)
class ListingGiveawayEnded:
    show_id: str
    listing_id: str
    giveaway_id: str
    winner_id: str  # "": nobody entered, nothing was given away


@dataclass(frozen=True)
class ListingSaleAbandoned:
    """Bidding refused to open the sale: the listing is available again."""

    show_id: str
    listing_id: str
    sale_id: str
    reason: str


@dataclass(frozen=True)
class ListingUnitRelisted:
    """A cancelled order's unit is back: the listing has `quantity` units to sell."""

    show_id: str
    listing_id: str
    order_id: str
    quantity: int


PutUp = ListingPutUpForAuction | ListingPutUpForFlashSale | ListingPutUpForGiveaway


def sale_of(put_up: PutUp) -> str:
    """The id of the auction, flash sale or giveaway a listing was put up for."""
    if isinstance(put_up, ListingPutUpForAuction):
        return put_up.auction_id
    if isinstance(put_up, ListingPutUpForFlashSale):
        return put_up.sale_id
    return put_up.giveaway_id


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
    | ListingSaleAbandoned
    | ListingUnitRelisted
)
