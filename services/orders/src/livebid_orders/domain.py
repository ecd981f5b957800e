"""Orders, one per unit sold: `decide(orders, sale) -> events`, `evolve(order, event) -> order`.

An order's id derives from what was sold (the auction, or the flash sale and the unit's
number), so however often bidding reports a sale, and to whichever replica, it names the
same order. Pure: no clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


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
    """What bidding's FlashSaleOpened says about a sale, needed for its orders."""

    sale_id: str
    listing_id: str
    show_id: str
    seller_id: str
    currency: str


@dataclass(frozen=True)
class FlashSalePurchased:
    """Bidding's report of a flash-sale purchase, joined with its sale's terms."""

    terms: FlashSaleTerms
    buyer_id: str
    quantity: int
    unit_price_cents: int
    at_ms: int
    # Units left after this purchase: its units are numbered remaining+1 .. remaining+quantity.
    remaining: int


Sale = AuctionEnded | FlashSalePurchased


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


@dataclass(frozen=True)
class Order:
    order_id: str
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    price_cents: int
    currency: str
    placed_at_ms: int
    status: str = "placed"


class InvalidSale(ValueError):
    """A sale that names no buyer or price: it goes to the dead-letter topic, never an order."""


def order_id_for(auction_id: str) -> str:
    return f"ord-{auction_id}"


def flash_order_id_for(sale_id: str, unit: int) -> str:
    return f"ord-{sale_id}-u{unit}"


def decide(orders: Mapping[str, Order], sale: Sale) -> list[OrderPlaced]:
    """The orders a sale causes: none if unsold, voided, or already ordered."""
    if isinstance(sale, FlashSalePurchased):
        return _flash_sale(orders, sale)
    return _auction(orders, sale)


def _flash_sale(orders: Mapping[str, Order], sale: FlashSalePurchased) -> list[OrderPlaced]:
    terms = sale.terms
    if not (sale.buyer_id and terms.seller_id) or sale.quantity < 1 or sale.remaining < 0:
        raise InvalidSale("a flash-sale purchase needs a buyer, a seller and a quantity")
    if sale.unit_price_cents <= 0 or not terms.currency:
        raise InvalidSale("a sale needs a positive price with a currency")
    units = range(sale.remaining + 1, sale.remaining + sale.quantity + 1)
    return [
        # A flash sale's id stands where an auction's would: it is what the unit was sold in.
        OrderPlaced(
            order_id,
            terms.sale_id,
            terms.listing_id,
            terms.show_id,
            terms.seller_id,
            sale.buyer_id,
            sale.unit_price_cents,
            terms.currency,
            sale.at_ms,
        )
        for order_id in (flash_order_id_for(terms.sale_id, unit) for unit in units)
        if order_id not in orders
    ]


def _auction(orders: Mapping[str, Order], ended: AuctionEnded) -> list[OrderPlaced]:
    if not ended.sold or ended.voided:
        return []
    order_id = order_id_for(ended.auction_id)
    if order_id in orders:
        return []
    if not (ended.auction_id and ended.winner_id and ended.seller_id):
        raise InvalidSale("a sale needs an auction, a winner and a seller")
    if ended.price_cents <= 0 or not ended.currency:
        raise InvalidSale("a sale needs a positive price with a currency")
    return [
        OrderPlaced(
            order_id=order_id,
            auction_id=ended.auction_id,
            listing_id=ended.listing_id,
            show_id=ended.show_id,
            seller_id=ended.seller_id,
            buyer_id=ended.winner_id,
            price_cents=ended.price_cents,
            currency=ended.currency,
            # The sale's log time, not a clock: a replay places the same order at the same time.
            placed_at_ms=ended.closed_at_ms,
        )
    ]


def evolve(order: Order | None, event: OrderPlaced) -> Order:
    """The order after `event`; a duplicate OrderPlaced changes nothing."""
    return order if order is not None else Order(**vars(event))
