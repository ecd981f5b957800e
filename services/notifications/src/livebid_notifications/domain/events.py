"""The other services' public events, as this service sees them (only the fields it uses)."""

from __future__ import annotations

from dataclasses import dataclass

from livebid_notifications.domain.order_events import OrderEvent


@dataclass(frozen=True)
class ShowScheduled:
    show_id: str
    seller_id: str
    title: str
    stream_url: str


@dataclass(frozen=True)
class ShowStarted:
    show_id: str
    seller_id: str = ""
    at_ms: int = 0  # the envelope's time (the contract has no time field)


@dataclass(frozen=True)
class ShowEnded:
    show_id: str


@dataclass(frozen=True)
class ListingAdded:
    show_id: str
    listing_id: str
    title: str


@dataclass(frozen=True)
class ListingPinned:
    show_id: str
    listing_id: str


@dataclass(frozen=True)
class ListingPutUpForAuction:
    show_id: str
    listing_id: str
    auction_id: str


@dataclass(frozen=True)
class ListingAuctionEnded:
    show_id: str
    listing_id: str
    auction_id: str
    sold: bool


@dataclass(frozen=True)
class AuctionStarted:
    show_id: str
    auction_id: str
    listing_id: str
    starting_price_cents: int
    currency: str
    deadline_ms: int


@dataclass(frozen=True)
class HighBidChanged:
    show_id: str
    auction_id: str
    price_cents: int
    currency: str
    leader_id: str
    deadline_ms: int
    bid_count: int
    min_next_bid_cents: int


@dataclass(frozen=True)
class BidderOutbid:
    show_id: str
    auction_id: str
    bidder_id: str
    price_cents: int
    currency: str
    at_ms: int


@dataclass(frozen=True)
class AuctionEnded:
    show_id: str
    auction_id: str
    listing_id: str
    sold: bool
    winner_id: str
    price_cents: int
    currency: str
    closed_at_ms: int
    deadline_ms: int


@dataclass(frozen=True)
class OrderPlaced:
    order_id: str
    show_id: str
    auction_id: str
    buyer_id: str
    price_cents: int
    currency: str
    placed_at_ms: int


@dataclass(frozen=True)
class ListingPutUpForFlashSale:
    show_id: str
    listing_id: str
    sale_id: str
    quantity: int


@dataclass(frozen=True)
class FlashSaleOpened:
    show_id: str
    sale_id: str
    listing_id: str
    price_cents: int
    list_price_cents: int
    currency: str
    quantity: int
    per_buyer_limit: int
    deadline_ms: int


@dataclass(frozen=True)
class FlashSalePurchased:
    show_id: str
    sale_id: str
    remaining: int


@dataclass(frozen=True)
class FlashSaleClosed:
    show_id: str
    sale_id: str
    remaining: int
    sold_out: bool


@dataclass(frozen=True)
class ListingPutUpForGiveaway:
    show_id: str
    listing_id: str
    giveaway_id: str


@dataclass(frozen=True)
class GiveawayOpened:
    show_id: str
    giveaway_id: str
    listing_id: str
    ends_at_ms: int


@dataclass(frozen=True)
class GiveawayEntered:
    # The contract has no show id: the live feed fills it in from the giveaway it opened.
    show_id: str
    giveaway_id: str
    entrant_number: int


@dataclass(frozen=True)
class GiveawayDrawn:
    show_id: str
    giveaway_id: str
    listing_id: str
    winner_id: str  # empty when nobody entered
    entrant_count: int
    at_ms: int


SaleEvent = (
    ListingPutUpForFlashSale
    | FlashSaleOpened
    | FlashSalePurchased
    | FlashSaleClosed
    | ListingPutUpForGiveaway
    | GiveawayOpened
    | GiveawayEntered
    | GiveawayDrawn
)

ShowEvent = (
    ShowScheduled
    | ShowStarted
    | ShowEnded
    | ListingAdded
    | ListingPinned
    | ListingPutUpForAuction
    | ListingAuctionEnded
    | AuctionStarted
    | HighBidChanged
    | AuctionEnded
    | SaleEvent
)


@dataclass(frozen=True)
class SellerFollowed:
    seller_id: str
    buyer_id: str


@dataclass(frozen=True)
class SellerUnfollowed:
    seller_id: str
    buyer_id: str


FollowEvent = SellerFollowed | SellerUnfollowed
Event = ShowEvent | BidderOutbid | OrderPlaced | FollowEvent | OrderEvent
