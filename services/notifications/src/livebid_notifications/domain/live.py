"""A show's live state: a fold over the catalog's and bidding's public events.

The two topics are not ordered with each other, and the feed may see an event twice, so
every step here is idempotent and tolerates the other topic being ahead or behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import singledispatch

from livebid_notifications.domain import events as e

# A show's status only moves forward, so a late or repeated event cannot send it back.
_SHOW_STATUS_RANK = {"unknown": 0, "scheduled": 1, "live": 2, "ended": 3}


@dataclass(frozen=True)
class AuctionView:
    """What viewers may see of one auction (no maximums, no reserve)."""

    auction_id: str
    listing_id: str = ""
    status: str = "open"  # open, sold, unsold (a voided auction is unsold)
    price_cents: int = 0
    currency: str = ""
    leader_id: str = ""
    deadline_ms: int = 0
    bid_count: int = 0
    min_next_bid_cents: int = 0
    winner_id: str = ""


@dataclass(frozen=True)
class SaleView:
    """A flash sale or a giveaway, as viewers see it."""

    sale_id: str
    kind: str  # flash_sale, giveaway
    listing_id: str = ""
    status: str = "open"  # open; a flash sale ends sold_out or closed, a giveaway drawn
    price_cents: int = 0
    list_price_cents: int = 0  # the struck-through price of a discount, else 0
    currency: str = ""
    units_total: int = 0
    units_left: int = -1  # -1 until an event tells
    per_buyer_limit: int = 0
    deadline_ms: int = 0
    entrants: int = 0
    winner_id: str = ""


@dataclass(frozen=True)
class ShowLive:
    show_id: str
    status: str = "unknown"  # unknown, scheduled, live, ended
    title: str = ""
    seller_id: str = ""
    stream_url: str = ""
    listing_id: str = ""  # the current item
    auction_id: str = ""  # the current item's auction, if it has one
    sale_id: str = ""  # else its flash sale or giveaway, if it has one
    titles: Mapping[str, str] = field(default_factory=dict)
    auctions: Mapping[str, AuctionView] = field(default_factory=dict)
    sales: Mapping[str, SaleView] = field(default_factory=dict)


@dataclass(frozen=True)
class LiveView:
    """The flat state a viewer's screen shows."""

    show_id: str
    show_status: str
    show_title: str
    stream_url: str
    listing_id: str
    listing_title: str
    auction_id: str
    auction_status: str  # "" when the current item has no auction
    price_cents: int
    currency: str
    leader_id: str
    min_next_bid_cents: int
    deadline_ms: int
    bid_count: int
    winner_id: str
    # What the current item is sold by: auction, flash_sale, giveaway, or "" (nothing yet).
    # price, currency, deadline and winner above are the current sale's, whatever its kind.
    sale_kind: str
    sale_id: str
    sale_status: str
    units_total: int
    units_left: int
    per_buyer_limit: int
    list_price_cents: int
    entrants: int


def evolve(state: ShowLive | None, event: e.ShowEvent) -> ShowLive:
    """The show's state after `event`."""
    return _apply(event, state or ShowLive(event.show_id))


def fold(events: list[e.ShowEvent], state: ShowLive | None = None) -> ShowLive | None:
    """Replay events onto a show's state."""
    for event in events:
        state = evolve(state, event)
    return state


def view(state: ShowLive) -> LiveView:
    """What a viewer sees of `state`."""
    auction = state.auctions.get(state.auction_id) if state.auction_id else None
    a = auction or AuctionView("", status="")
    sale = state.sales.get(state.sale_id) if state.sale_id else None
    if sale is not None:
        return _sale_view(state, sale)
    return LiveView(
        show_id=state.show_id,
        show_status=state.status,
        show_title=state.title,
        stream_url=state.stream_url,
        listing_id=state.listing_id,
        listing_title=state.titles.get(state.listing_id, ""),
        auction_id=state.auction_id,
        auction_status=a.status,
        price_cents=a.price_cents,
        currency=a.currency,
        leader_id=a.leader_id,
        min_next_bid_cents=a.min_next_bid_cents,
        deadline_ms=a.deadline_ms,
        bid_count=a.bid_count,
        winner_id=a.winner_id,
        sale_kind="auction" if auction else "",
        sale_id=a.auction_id,
        sale_status=a.status,
        units_total=0,
        units_left=0,
        per_buyer_limit=0,
        list_price_cents=0,
        entrants=0,
    )


def _sale_view(state: ShowLive, s: SaleView) -> LiveView:
    return LiveView(
        show_id=state.show_id,
        show_status=state.status,
        show_title=state.title,
        stream_url=state.stream_url,
        listing_id=state.listing_id,
        listing_title=state.titles.get(state.listing_id, ""),
        auction_id="",
        auction_status="",
        price_cents=s.price_cents,
        currency=s.currency,
        leader_id="",
        min_next_bid_cents=0,
        deadline_ms=s.deadline_ms,
        bid_count=0,
        winner_id=s.winner_id,
        sale_kind=s.kind,
        sale_id=s.sale_id,
        sale_status=s.status,
        units_total=s.units_total,
        units_left=max(s.units_left, 0),
        per_buyer_limit=s.per_buyer_limit,
        list_price_cents=s.list_price_cents,
        entrants=s.entrants,
    )


def _advance(state: ShowLive, status: str) -> ShowLive:
    if _SHOW_STATUS_RANK[status] <= _SHOW_STATUS_RANK[state.status]:
        return state
    return replace(state, status=status)


def _with_auction(state: ShowLive, auction: AuctionView) -> ShowLive:
    return replace(state, auctions={**state.auctions, auction.auction_id: auction})


def _auction(state: ShowLive, auction_id: str, listing_id: str = "") -> AuctionView:
    return state.auctions.get(auction_id) or AuctionView(auction_id, listing_id)


@singledispatch
def _apply(event: e.ShowEvent, state: ShowLive) -> ShowLive:
    raise TypeError(f"not a show event: {type(event).__name__}")


@_apply.register
def _(event: e.ShowScheduled, state: ShowLive) -> ShowLive:
    state = replace(
        state, title=event.title, seller_id=event.seller_id, stream_url=event.stream_url
    )
    return _advance(state, "scheduled")


@_apply.register
def _(event: e.ShowStarted, state: ShowLive) -> ShowLive:
    return _advance(state, "live")


@_apply.register
def _(event: e.ShowEnded, state: ShowLive) -> ShowLive:
    # An ended show only ever shows its last item, so the rest is dropped to bound memory.
    keep = {a: v for a, v in state.auctions.items() if a == state.auction_id}
    sales = {s: v for s, v in state.sales.items() if s == state.sale_id}
    titles = {k: v for k, v in state.titles.items() if k == state.listing_id}
    return _advance(replace(state, auctions=keep, sales=sales, titles=titles), "ended")


@_apply.register
def _(event: e.ListingAdded, state: ShowLive) -> ShowLive:
    return replace(state, titles={**state.titles, event.listing_id: event.title})


@_apply.register
def _(event: e.ListingPinned, state: ShowLive) -> ShowLive:
    if event.listing_id == state.listing_id:
        return state
    # A re-pinned item shows its latest auction (e.g. "sold"); a fresh one shows none yet.
    latest = [a for a, v in state.auctions.items() if v.listing_id == event.listing_id]
    sales = [s for s, v in state.sales.items() if v.listing_id == event.listing_id]
    auction_id = latest[-1] if latest else ""
    return replace(
        state,
        listing_id=event.listing_id,
        auction_id=auction_id,
        sale_id="" if auction_id or not sales else sales[-1],
    )


@_apply.register
def _(event: e.ListingPutUpForAuction, state: ShowLive) -> ShowLive:
    state = _with_auction(state, _auction(state, event.auction_id, event.listing_id))
    return replace(state, listing_id=event.listing_id, auction_id=event.auction_id, sale_id="")


@_apply.register
def _(event: e.AuctionStarted, state: ShowLive) -> ShowLive:
    known = _auction(state, event.auction_id)
    started = replace(
        known,
        listing_id=event.listing_id,
        # Before the first bid, the price shown is the starting price.
        price_cents=known.price_cents or event.starting_price_cents,
        currency=event.currency,
        deadline_ms=max(known.deadline_ms, event.deadline_ms),
        min_next_bid_cents=known.min_next_bid_cents or event.starting_price_cents,
    )
    state = _with_auction(state, started)
    return replace(state, listing_id=event.listing_id, auction_id=event.auction_id, sale_id="")


@_apply.register
def _(event: e.HighBidChanged, state: ShowLive) -> ShowLive:
    known = _auction(state, event.auction_id)
    if event.bid_count <= known.bid_count:
        return state  # a repeat, or older than what is shown
    return _with_auction(
        state,
        replace(
            known,
            price_cents=event.price_cents,
            currency=event.currency,
            leader_id=event.leader_id,
            deadline_ms=event.deadline_ms,
            bid_count=event.bid_count,
            min_next_bid_cents=event.min_next_bid_cents,
        ),
    )


@_apply.register
def _(event: e.AuctionEnded, state: ShowLive) -> ShowLive:
    known = _auction(state, event.auction_id, event.listing_id)
    return _with_auction(
        state,
        replace(
            known,
            listing_id=known.listing_id or event.listing_id,
            status="sold" if event.sold else "unsold",
            winner_id=event.winner_id if event.sold else "",
            leader_id=event.winner_id if event.sold else known.leader_id,
            price_cents=event.price_cents if event.sold else known.price_cents,
            currency=event.currency or known.currency,
            deadline_ms=event.deadline_ms or known.deadline_ms,
        ),
    )


@_apply.register
def _(event: e.ListingAuctionEnded, state: ShowLive) -> ShowLive:
    known = _auction(state, event.auction_id, event.listing_id)
    if known.status != "open":
        return state  # bidding's AuctionEnded already said more
    return _with_auction(state, replace(known, status="sold" if event.sold else "unsold"))


# Flash sales and giveaways. The catalog's put-up and bidding's events come on two topics in
# no order with each other, so each step keeps what the other may already have said.


def _sale(state: ShowLive, sale_id: str, kind: str, listing_id: str = "") -> SaleView:
    known = state.sales.get(sale_id) or SaleView(sale_id, kind)
    return replace(known, listing_id=known.listing_id or listing_id)


def _current_sale(state: ShowLive, sale: SaleView) -> ShowLive:
    state = replace(state, sales={**state.sales, sale.sale_id: sale})
    return replace(state, listing_id=sale.listing_id, auction_id="", sale_id=sale.sale_id)


def _update_sale(state: ShowLive, sale: SaleView) -> ShowLive:
    return replace(state, sales={**state.sales, sale.sale_id: sale})


def _fewer(units_left: int, reported: int) -> int:
    # Units only ever go down, so the lowest count reported is the latest, in any order.
    return reported if units_left < 0 else min(units_left, reported)


@_apply.register
def _(event: e.ListingPutUpForFlashSale, state: ShowLive) -> ShowLive:
    known = _sale(state, event.sale_id, "flash_sale", event.listing_id)
    put_up = replace(
        known,
        units_total=known.units_total or event.quantity,
        units_left=_fewer(known.units_left, event.quantity),
    )
    return _current_sale(state, put_up)


@_apply.register
def _(event: e.FlashSaleOpened, state: ShowLive) -> ShowLive:
    known = _sale(state, event.sale_id, "flash_sale", event.listing_id)
    opened = replace(
        known,
        price_cents=event.price_cents,
        list_price_cents=event.list_price_cents,
        currency=event.currency,
        units_total=event.quantity,
        units_left=_fewer(known.units_left, event.quantity),
        per_buyer_limit=event.per_buyer_limit,
        deadline_ms=event.deadline_ms,
    )
    return _current_sale(state, opened)


@_apply.register
def _(event: e.FlashSalePurchased, state: ShowLive) -> ShowLive:
    known = _sale(state, event.sale_id, "flash_sale")
    return _update_sale(state, replace(known, units_left=_fewer(known.units_left, event.remaining)))


@_apply.register
def _(event: e.FlashSaleClosed, state: ShowLive) -> ShowLive:
    known = _sale(state, event.sale_id, "flash_sale")
    status = "sold_out" if event.sold_out else "closed"
    left = _fewer(known.units_left, event.remaining)
    return _update_sale(state, replace(known, status=status, units_left=left))


@_apply.register
def _(event: e.ListingPutUpForGiveaway, state: ShowLive) -> ShowLive:
    return _current_sale(state, _sale(state, event.giveaway_id, "giveaway", event.listing_id))


@_apply.register
def _(event: e.GiveawayOpened, state: ShowLive) -> ShowLive:
    known = _sale(state, event.giveaway_id, "giveaway", event.listing_id)
    return _current_sale(state, replace(known, deadline_ms=event.ends_at_ms))


@_apply.register
def _(event: e.GiveawayEntered, state: ShowLive) -> ShowLive:
    known = _sale(state, event.giveaway_id, "giveaway")
    return _update_sale(state, replace(known, entrants=max(known.entrants, event.entrant_number)))


@_apply.register
def _(event: e.GiveawayDrawn, state: ShowLive) -> ShowLive:
    known = _sale(state, event.giveaway_id, "giveaway", event.listing_id)
    drawn = replace(
        known,
        status="drawn",
        winner_id=event.winner_id,
        entrants=max(known.entrants, event.entrant_count),
    )
    return _update_sale(state, drawn)
