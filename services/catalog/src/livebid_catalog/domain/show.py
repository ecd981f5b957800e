"""Shows and their listings: `decide(show, command) -> events`, `evolve(show, event) -> show`.

A show is the aggregate (its events are keyed by show id); its listings live inside it, in
run order. Nothing here reads a clock, draws a random number or does I/O: ids arrive in the
commands or derive from the seller's idempotency key.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from livebid_catalog.domain.commands import (
    AbandonSale,
    AddListing,
    Command,
    EndListingAuction,
    EndListingFlashSale,
    EndListingGiveaway,
    EndShow,
    PutUpForAuction,
    PutUpForFlashSale,
    PutUpForGiveaway,
    RelistUnit,
    ScheduleShow,
    StartShow,
)
from livebid_catalog.domain.events import (
    Event,
    ListingAdded,
    ListingAuctionEnded,
    ListingFlashSaleEnded,
    ListingGiveawayEnded,
    ListingPinned,
    ListingPutUpForAuction,
    ListingPutUpForFlashSale,
    ListingPutUpForGiveaway,
    ListingSaleAbandoned,
    ListingUnitRelisted,
    ShowEnded,
    ShowScheduled,
    ShowStarted,
)

_IDS = uuid.UUID("6f1b7c2e-3d0a-5b9e-8c41-2a7f5e9d0c13")


class DomainError(Exception):
    """A command the catalog refuses; the subclass says why."""


class InvalidCommand(DomainError):
    pass


class NotFound(DomainError):
    pass


class NotSeller(DomainError):
    pass


class NotNow(DomainError):
    """The command is valid, but not in the state the show or listing is in."""


@dataclass(frozen=True)
class Listing:
    listing_id: str
    details: ListingAdded
    quantity: int  # units left to sell
    # available, in_auction, in_flash_sale, in_giveaway (one sale at a time), sold (none left)
    status: str = "available"
    auction_id: str = ""
    # (idempotency key, auction id) of every auction this listing went up for, oldest first.
    auctions: tuple[tuple[str, str], ...] = ()
    sale_id: str = ""  # the latest flash sale
    flash_sales: tuple[tuple[str, str], ...] = ()  # (idempotency key, sale id), oldest first
    giveaway_id: str = ""  # the latest giveaway
    giveaways: tuple[tuple[str, str], ...] = ()  # (idempotency key, giveaway id), oldest first
    relisted: tuple[str, ...] = ()  # the cancelled orders whose units came back


@dataclass(frozen=True)
class Show:
    show_id: str
    seller_id: str
    title: str
    stream_url: str
    scheduled_start_ms: int
    status: str = "scheduled"  # scheduled, live, ended
    pinned_listing_id: str = ""
    listings: tuple[Listing, ...] = ()

    def listing(self, listing_id: str) -> Listing | None:
        return next((li for li in self.listings if li.listing_id == listing_id), None)


def show_id_for(seller_id: str, idempotency_key: str) -> str:
    """The id a ScheduleShow with this key gets, on every retry."""
    return f"show-{uuid.uuid5(_IDS, f'show:{seller_id}:{idempotency_key}')}"


def listing_id_for(seller_id: str, show_id: str, idempotency_key: str) -> str:
    """The id an AddListing with this key gets, on every retry."""
    return f"listing-{uuid.uuid5(_IDS, f'listing:{seller_id}:{show_id}:{idempotency_key}')}"


def _opened_with(opened: tuple[tuple[str, str], ...], idempotency_key: str) -> str:
    if not idempotency_key:
        return ""
    return next((i for k, i in opened if k == idempotency_key), "")


def auction_for(listing: Listing, idempotency_key: str) -> str:
    """The auction an earlier PutUpForAuction with this key opened, or ''."""
    return _opened_with(listing.auctions, idempotency_key)


def flash_sale_for(listing: Listing, idempotency_key: str) -> str:
    """The flash sale an earlier PutUpForFlashSale with this key opened, or ''."""
    return _opened_with(listing.flash_sales, idempotency_key)


def giveaway_for(listing: Listing, idempotency_key: str) -> str:
    """The giveaway an earlier PutUpForGiveaway with this key opened, or ''."""
    return _opened_with(listing.giveaways, idempotency_key)


def decide(show: Show | None, command: Command) -> list[Event]:
    """The events `command` causes given `show` (None: no such show); raises DomainError."""
    if isinstance(command, ScheduleShow):
        return _schedule(show, command)
    if show is None:
        raise NotFound(f"no show {command.show_id}")
    if isinstance(command, EndListingAuction):
        return _end_auction(show, command)
    if isinstance(command, EndListingFlashSale):
        return _end_flash_sale(show, command)
    if isinstance(command, EndListingGiveaway):
        return _end_giveaway(show, command)
    if isinstance(command, AbandonSale):
        return _abandon(show, command)
    if isinstance(command, RelistUnit):
        return _relist(show, command)
    if command.seller_id != show.seller_id:
        raise NotSeller("only the show's seller may change it")
    if isinstance(command, AddListing):
        return _add_listing(show, command)
    if isinstance(command, StartShow):
        return _start(show)
    if isinstance(command, EndShow):
        return _end(show)
    if isinstance(command, PutUpForFlashSale):
        return _put_up_for_flash_sale(show, command)
    if isinstance(command, PutUpForGiveaway):
        return _put_up_for_giveaway(show, command)
    return _put_up(show, command)


def _schedule(show: Show | None, cmd: ScheduleShow) -> list[Event]:
    if show is not None:
        return []  # a retried ScheduleShow has no second effect
    if not cmd.seller_id:
        raise InvalidCommand("seller_id is required")
    return [
        ShowScheduled(cmd.show_id, cmd.seller_id, cmd.title, cmd.stream_url, cmd.scheduled_start_ms)
    ]


def _add_listing(show: Show, cmd: AddListing) -> list[Event]:
    if show.listing(cmd.listing_id) is not None:
        return []
    if show.status == "ended":
        raise NotNow("listings can only be added to a scheduled or live show")
    if not cmd.title:
        raise InvalidCommand("title is required")
    if cmd.quantity < 1:
        raise InvalidCommand("quantity must be at least 1")
    if cmd.starting_price_cents <= 0 or not cmd.currency:
        raise InvalidCommand("starting_price must be positive, with a currency")
    if cmd.buy_now_price_cents and cmd.buy_now_price_cents < cmd.starting_price_cents:
        raise InvalidCommand("buy_now_price cannot be below the starting price")
    return [ListingAdded(**vars(cmd), run_order=len(show.listings) + 1)]


def _start(show: Show) -> list[Event]:
    if show.status == "live":
        return []
    if show.status == "ended":
        raise NotNow("the show has ended")
    return [ShowStarted(show.show_id, show.seller_id)]


def _end(show: Show) -> list[Event]:
    if show.status == "ended":
        return []
    # A running sale cannot be cancelled by the seller, so the show waits for it.
    running = next((li for li in show.listings if li.status in _RUNNING), None)
    if running is not None:
        raise NotNow(f"a {_RUNNING[running.status]} is still running in this show")
    return [ShowEnded(show.show_id, show.seller_id)]


_RUNNING = {"in_auction": "auction", "in_flash_sale": "flash sale", "in_giveaway": "giveaway"}


def _listing_to_put_up(show: Show, listing_id: str) -> Listing:
    listing = show.listing(listing_id)
    if listing is None:
        raise NotFound(f"no listing {listing_id} in show {show.show_id}")
    return listing


def _check_for_sale(show: Show, listing: Listing, what: str) -> None:
    """One sale at a time, only while the show is live, only with a unit left."""
    if show.status != "live":
        raise NotNow(f"{what} run only while the show is live")
    if listing.status != "available" or listing.quantity < 1:
        raise NotNow(f"the listing is {listing.status}")


def _put_up(show: Show, cmd: PutUpForAuction) -> list[Event]:
    listing = _listing_to_put_up(show, cmd.listing_id)
    if auction_for(listing, cmd.idempotency_key):
        return []  # a retry: the auction this key opened stands
    _check_for_sale(show, listing, "auctions")
    # Numbered, not random: a retry after a crash reuses the auction bidding may already hold.
    auction_id = f"auc-{listing.listing_id}-{len(listing.auctions) + 1}"
    details = listing.details
    return [
        ListingPutUpForAuction(
            show.show_id,
            listing.listing_id,
            auction_id,
            cmd.idempotency_key,
            show.seller_id,
            details.starting_price_cents,
            details.currency,
            details.buy_now_price_cents,
            cmd.terms,
        ),
        ListingPinned(show.show_id, listing.listing_id),
    ]


def _put_up_for_flash_sale(show: Show, cmd: PutUpForFlashSale) -> list[Event]:
    listing = _listing_to_put_up(show, cmd.listing_id)
    if flash_sale_for(listing, cmd.idempotency_key):
        return []  # a retry: the sale this key opened stands
    if cmd.price_cents <= 0:
        raise InvalidCommand("price_cents must be positive")
    if cmd.list_price_cents and cmd.list_price_cents < cmd.price_cents:
        raise InvalidCommand("list_price_cents, when given, must be at least price_cents")
    if cmd.quantity < 1 or cmd.per_buyer_limit < 1 or cmd.duration_ms <= 0:
        raise InvalidCommand("quantity, per_buyer_limit and duration_ms must be positive")
    if cmd.currency and cmd.currency != listing.details.currency:
        raise InvalidCommand(f"the listing is priced in {listing.details.currency}")
    _check_for_sale(show, listing, "flash sales")
    if cmd.quantity > listing.quantity:
        raise NotNow(f"only {listing.quantity} left of the listing, not {cmd.quantity}")
    # Numbered like auctions, so a retry after a crash reuses the sale bidding may hold.
    sale_id = f"fs-{listing.listing_id}-{len(listing.flash_sales) + 1}"
    return [
        ListingPutUpForFlashSale(
            show.show_id,
            listing.listing_id,
            sale_id,
            cmd.quantity,
            cmd.idempotency_key,
            show.seller_id,
            cmd.price_cents,
            cmd.list_price_cents,
            listing.details.currency,
            cmd.per_buyer_limit,
            cmd.duration_ms,
        )
    ]


def _put_up_for_giveaway(show: Show, cmd: PutUpForGiveaway) -> list[Event]:
    listing = _listing_to_put_up(show, cmd.listing_id)
    if giveaway_for(listing, cmd.idempotency_key):
        return []  # a retry: the giveaway this key opened stands
    if cmd.duration_ms <= 0:
        raise InvalidCommand("duration_ms must be positive")
    _check_for_sale(show, listing, "giveaways")
    giveaway_id = f"gw-{listing.listing_id}-{len(listing.giveaways) + 1}"
    return [
        ListingPutUpForGiveaway(
            show.show_id,
            listing.listing_id,
            giveaway_id,
            cmd.idempotency_key,
            show.seller_id,
            cmd.duration_ms,
            cmd.followers_only,
            cmd.verified_only,
        )
    ]


def _end_auction(show: Show, cmd: EndListingAuction) -> list[Event]:
    listing = show.listing(cmd.listing_id)
    if listing is None or listing.status != "in_auction" or listing.auction_id != cmd.auction_id:
        return []  # redelivered, or not an auction this catalog started
    return [ListingAuctionEnded(show.show_id, listing.listing_id, cmd.auction_id, cmd.sold)]


def _end_flash_sale(show: Show, cmd: EndListingFlashSale) -> list[Event]:
    listing = show.listing(cmd.listing_id)
    if listing is None or listing.status != "in_flash_sale" or listing.sale_id != cmd.sale_id:
        return []  # redelivered, or not a sale this catalog started
    return [ListingFlashSaleEnded(show.show_id, listing.listing_id, cmd.sale_id, cmd.units_sold)]


def _end_giveaway(show: Show, cmd: EndListingGiveaway) -> list[Event]:
    listing = show.listing(cmd.listing_id)
    if listing is None or listing.status != "in_giveaway" or listing.giveaway_id != cmd.giveaway_id:
        return []  # redelivered, or not a giveaway this catalog started
    return [ListingGiveawayEnded(show.show_id, listing.listing_id, cmd.giveaway_id, cmd.winner_id)]


def _abandon(show: Show, cmd: AbandonSale) -> list[Event]:
    listing = show.listing(cmd.listing_id)
    if listing is None or listing.status not in _RUNNING:
        return []  # redelivered, or the sale ended meanwhile
    if cmd.sale_id not in (listing.auction_id, listing.sale_id, listing.giveaway_id):
        return []  # a later sale of the same listing: not the one bidding refused
    return [ListingSaleAbandoned(show.show_id, listing.listing_id, cmd.sale_id, cmd.reason)]


def _relist(show: Show, cmd: RelistUnit) -> list[Event]:
    listing = show.listing(cmd.listing_id)
    if listing is None or cmd.order_id in listing.relisted:
        return []  # redelivered, or an order of a listing this catalog does not have
    return [
        ListingUnitRelisted(show.show_id, listing.listing_id, cmd.order_id, listing.quantity + 1)
    ]


def evolve(show: Show | None, event: Event) -> Show:
    """The show after `event`."""
    if isinstance(event, ShowScheduled):
        return Show(
            event.show_id, event.seller_id, event.title, event.stream_url, event.scheduled_start_ms
        )
    assert show is not None, f"{type(event).__name__} before ShowScheduled"
    if isinstance(event, ShowStarted):
        return replace(show, status="live")
    if isinstance(event, ShowEnded):
        return replace(show, status="ended")
    if isinstance(event, ListingAdded):
        added = Listing(event.listing_id, event, event.quantity)
        return replace(show, listings=(*show.listings, added))
    if isinstance(event, ListingPinned):
        return replace(show, pinned_listing_id=event.listing_id)
    listing = show.listing(event.listing_id)
    assert listing is not None, f"{type(event).__name__} for an unknown listing"
    changed = _evolve_listing(listing, event)
    listings = tuple(changed if li is listing else li for li in show.listings)
    return replace(show, listings=listings)


def _evolve_listing(listing: Listing, event: Event) -> Listing:
    if isinstance(event, ListingPutUpForAuction):
        auctions = (*listing.auctions, (event.idempotency_key, event.auction_id))
        return replace(listing, status="in_auction", auction_id=event.auction_id, auctions=auctions)
    if isinstance(event, ListingPutUpForFlashSale):
        sales = (*listing.flash_sales, (event.idempotency_key, event.sale_id))
        return replace(listing, status="in_flash_sale", sale_id=event.sale_id, flash_sales=sales)
    if isinstance(event, ListingPutUpForGiveaway):
        giveaways = (*listing.giveaways, (event.idempotency_key, event.giveaway_id))
        return replace(
            listing, status="in_giveaway", giveaway_id=event.giveaway_id, giveaways=giveaways
        )
    if isinstance(event, ListingAuctionEnded):
        return _after_sale(listing, 1 if event.sold else 0)
    if isinstance(event, ListingFlashSaleEnded):
        return _after_sale(listing, event.units_sold)
    if isinstance(event, ListingSaleAbandoned):
        return _after_sale(listing, 0)
    if isinstance(event, ListingUnitRelisted):
        # A unit back during a running sale leaves the sale running; a sold listing reopens.
        status = "available" if listing.status == "sold" else listing.status
        relisted = (*listing.relisted, event.order_id)
        return replace(listing, quantity=event.quantity, status=status, relisted=relisted)
    assert isinstance(event, ListingGiveawayEnded), f"not a listing event: {event}"
    return _after_sale(listing, 1 if event.winner_id else 0)


def _after_sale(listing: Listing, units_gone: int) -> Listing:
    """The listing after a sale ended: sold when no unit is left, else available again."""
    left = max(listing.quantity - units_gone, 0)
    return replace(listing, quantity=left, status="available" if left > 0 else "sold")


def fold(events: list[Event], show: Show | None = None) -> Show | None:
    """Replay events onto a show."""
    for event in events:
        show = evolve(show, event)
    return show
