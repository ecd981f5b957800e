"""Orders, one per unit sold. The policy `orders_for(sale) -> [PlaceOrder]` says which
orders a reported sale calls for; the bundle aggregate (`bundle.py`: everything one buyer
won from one seller in one show) places each exactly once and runs its life.

An order's id derives from what was sold (the auction, the flash sale and the unit's
number, or the giveaway), so however often bidding reports a sale, and to whichever
replica, it names the same order, and its bundle's one writer places it once. Pure: no
clock, no I/O.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class AuctionEnded:
    """Bidding's public report that an auction ended (the input, not our event)."""

    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    sold: bool
    winner_id: str
    price_cents: int
    currency: str
    closed_at_ms: int
    voided: bool = False


@dataclass(frozen=True)
class FlashSaleTerms:
    """What was on sale: bidding's FlashSalePurchased repeats it with every purchase."""

    sale_id: str
    listing_id: str
    show_id: str
    seller_id: str
    currency: str


@dataclass(frozen=True)
class FlashSalePurchased:
    """Bidding's report of a flash-sale purchase (the input, not our event)."""

    terms: FlashSaleTerms
    buyer_id: str
    quantity: int
    unit_price_cents: int
    at_ms: int
    # Units left after this purchase: its units are numbered remaining+1 .. remaining+quantity.
    remaining: int


@dataclass(frozen=True)
class GiveawayDrawn:
    """Bidding's report of a giveaway's draw: the winner gets a zero-price order that ships."""

    giveaway_id: str
    listing_id: str
    show_id: str
    seller_id: str
    winner_id: str
    at_ms: int


Sale = AuctionEnded | FlashSalePurchased | GiveawayDrawn


@dataclass(frozen=True)
class PlaceOrder:
    """Place one order for one unit sold (a no-op if the order exists)."""

    order_id: str
    auction_id: str  # what the unit was sold in: an auction, or a flash sale
    listing_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    price_cents: int
    currency: str
    placed_at_ms: int  # the sale's log time, not a clock: a replay places the same order
    bundle_id: str = ""
    shipping_profile: str = ""


@dataclass(frozen=True)
class OrderPlaced:
    order_id: str
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    price_cents: int
    currency: str
    placed_at_ms: int
    bundle_id: str = ""
    shipping_profile: str = ""


class InvalidSale(ValueError):
    """A sale that names no buyer or price: it goes to the dead-letter topic, never an order."""


# A draw names no currency; a prize's shipping is charged in the platform's default one.
PRIZE_CURRENCY = "USD"


_BUNDLES = uuid.UUID("6f1d0c52-5b8e-4a59-9d0e-6b1c2f3a4d5e")


def bundle_id_for(show_id: str, seller_id: str, buyer_id: str) -> str:
    """One bundle per show, seller and buyer: what ships together (a name-based UUID, so it
    is the same on every replay and short enough for a URL)."""
    name = "\n".join((show_id, seller_id, buyer_id))
    return f"bnd-{uuid.uuid5(_BUNDLES, name)}"


def giveaway_order_id_for(giveaway_id: str) -> str:
    return f"ord-{giveaway_id}"


def order_id_for(auction_id: str) -> str:
    return f"ord-{auction_id}"


def flash_order_id_for(sale_id: str, unit: int) -> str:
    return f"ord-{sale_id}-u{unit}"


def orders_for(sale: Sale) -> list[PlaceOrder]:
    """The orders a reported sale calls for: none if unsold or voided."""
    if isinstance(sale, FlashSalePurchased):
        orders = _flash_sale(sale)
    elif isinstance(sale, GiveawayDrawn):
        orders = _giveaway(sale)
    else:
        orders = _auction(sale)
    return [replace(o, bundle_id=bundle_id_for(o.show_id, o.seller_id, o.buyer_id)) for o in orders]


def _giveaway(drawn: GiveawayDrawn) -> list[PlaceOrder]:
    if not drawn.winner_id:
        return []  # nobody entered
    if not (drawn.giveaway_id and drawn.seller_id):
        raise InvalidSale("a giveaway's draw needs a giveaway and a seller")
    # A prize costs nothing, but it is an order: it ships (its shipping may cost).
    return [
        PlaceOrder(
            giveaway_order_id_for(drawn.giveaway_id),
            drawn.giveaway_id,
            drawn.listing_id,
            drawn.show_id,
            drawn.seller_id,
            drawn.winner_id,
            0,
            PRIZE_CURRENCY,
            drawn.at_ms,
        )
    ]


def _flash_sale(sale: FlashSalePurchased) -> list[PlaceOrder]:
    terms = sale.terms
    if not (sale.buyer_id and terms.seller_id) or sale.quantity < 1 or sale.remaining < 0:
        raise InvalidSale("a flash-sale purchase needs a buyer, a seller and a quantity")
    if sale.unit_price_cents <= 0 or not terms.currency:
        raise InvalidSale("a sale needs a positive price with a currency")
    units = range(sale.remaining + 1, sale.remaining + sale.quantity + 1)
    return [
        # A flash sale's id stands where an auction's would: it is what the unit was sold in.
        PlaceOrder(
            flash_order_id_for(terms.sale_id, unit),
            terms.sale_id,
            terms.listing_id,
            terms.show_id,
            terms.seller_id,
            sale.buyer_id,
            sale.unit_price_cents,
            terms.currency,
            sale.at_ms,
        )
        for unit in units
    ]


def _auction(ended: AuctionEnded) -> list[PlaceOrder]:
    if not ended.sold or ended.voided:
        return []
    if not (ended.auction_id and ended.winner_id and ended.seller_id):
        raise InvalidSale("a sale needs an auction, a winner and a seller")
    if ended.price_cents <= 0 or not ended.currency:
        raise InvalidSale("a sale needs a positive price with a currency")
    return [
        PlaceOrder(
            order_id=order_id_for(ended.auction_id),
            auction_id=ended.auction_id,
            listing_id=ended.listing_id,
            show_id=ended.show_id,
            seller_id=ended.seller_id,
            buyer_id=ended.winner_id,
            price_cents=ended.price_cents,
            currency=ended.currency,
            placed_at_ms=ended.closed_at_ms,
        )
    ]
