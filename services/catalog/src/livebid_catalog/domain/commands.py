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
class AuctionTerms:
    """How the seller wants an auction run (defaults already applied)."""

    standard: bool  # False: sudden death
    duration_ms: int
    counter_time_ms: int
    increment_table: str
    reserve_price_cents: int  # private: kept in the catalog's own log and bidding's, never public
    require_verified_buyers: bool
    # Log time bidding goes live (pre-bids before it); 0 = at once.
    opens_at_ms: int = 0
    # The product's anti-flooding default: per buyer, per auction, in log time.
    bid_rate_limit: int = 10
    bid_rate_window_ms: int = 1000


@dataclass(frozen=True)
class PutUpForAuction:
    show_id: str
    seller_id: str
    listing_id: str
    idempotency_key: str
    terms: AuctionTerms


@dataclass(frozen=True)
class EndListingAuction:
    """Bidding reported that an auction ended; not a seller's command."""

    show_id: str
    listing_id: str
    auction_id: str
    sold: bool


@dataclass(frozen=True)
class PutUpForFlashSale:
    """Units of a listing at a fixed price for a set time; bidding runs the sale itself."""

    show_id: str
    seller_id: str
    listing_id: str
    idempotency_key: str
    price_cents: int
    list_price_cents: int  # 0: not a discount
    quantity: int
    per_buyer_limit: int
    duration_ms: int
    currency: str = ""  # "" or the listing's own currency


@dataclass(frozen=True)
class EndListingFlashSale:
    """Bidding reported that a flash sale closed; not a seller's command."""

    show_id: str
    listing_id: str
    sale_id: str
    units_sold: int


@dataclass(frozen=True)
class PutUpForGiveaway:
    """One unit of a listing for a giveaway; the window and eligibility go to bidding."""

    show_id: str
    seller_id: str
    listing_id: str
    idempotency_key: str
    duration_ms: int
    followers_only: bool = False
    verified_only: bool = False


@dataclass(frozen=True)
class EndListingGiveaway:
    """Bidding reported that a giveaway was drawn ("" winner: nobody entered)."""

    show_id: str
    listing_id: str
    giveaway_id: str
    winner_id: str


@dataclass(frozen=True)
class AbandonSale:
    """Bidding refused to open a sale the catalog put a listing up for: release the listing."""

    show_id: str
    listing_id: str
    sale_id: str  # the auction, flash sale or giveaway id
    reason: str


@dataclass(frozen=True)
class RelistUnit:
    """Orders cancelled an order of the listing: its unit can be sold again."""

    show_id: str
    listing_id: str
    order_id: str


SellerCommand = (
    AddListing | StartShow | EndShow | PutUpForAuction | PutUpForFlashSale | PutUpForGiveaway
)
SaleEnd = EndListingAuction | EndListingFlashSale | EndListingGiveaway | AbandonSale | RelistUnit
Command = ScheduleShow | SellerCommand | SaleEnd
