"""The catalog's one writer: each change to a show is decided, appended (acks=all) and only
then applied, under one lock, so no command ever decides on state another is changing.

State is the fold of `catalog.events.v1`; `apply` is used both to rebuild it on start and
after each append. Run it with the service: python -m livebid_catalog
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace

from aiokafka import ConsumerRecord
from livebid.bidding.v1 import flash_sales_pb2 as bidding_flash
from livebid.bidding.v1 import giveaways_pb2 as bidding_giveaways
from livebid.bidding.v1 import public_events_pb2 as bidding_pub

from livebid_catalog import codec
from livebid_catalog.bidding_client import AuctionTerms, Bidding
from livebid_catalog.domain.commands import (
    AddListing,
    EndListingAuction,
    EndListingFlashSale,
    EndListingGiveaway,
    EndShow,
    PutUpForAuction,
    PutUpForFlashSale,
    PutUpForGiveaway,
    ScheduleShow,
    StartShow,
)
from livebid_catalog.domain.events import (
    Event,
    ListingAdded,
    ListingPutUpForAuction,
    ListingPutUpForFlashSale,
    ListingPutUpForGiveaway,
)
from livebid_catalog.domain.show import (
    NotFound,
    Show,
    auction_for,
    decide,
    evolve,
    flash_sale_for,
    giveaway_for,
)
from livebid_platform.consumer import read_to_end
from livebid_platform.envelope import Envelope, decode
from livebid_platform.topics import CATALOG_EVENTS

log = logging.getLogger(__name__)
Publish = Callable[[Envelope], Awaitable[object]]


class Unavailable(Exception):
    """The writer stopped taking commands (a write's outcome is unknown)."""


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


class CatalogProcessor:
    def __init__(
        self, publish: Publish, bidding: Bidding, clock: Callable[[], int] = wall_clock_ms
    ) -> None:
        self._publish = publish
        self._bidding = bidding
        self._clock = clock
        self._lock = asyncio.Lock()
        self.shows: dict[str, Show] = {}
        self._show_of_listing: dict[str, str] = {}
        # Flash sale or giveaway id -> (show id, listing id): bidding's closing events name
        # only the sale, not the listing.
        self._listing_of_sale: dict[str, tuple[str, str]] = {}
        self.ready = asyncio.Event()  # set once the state is rebuilt from the log
        self.failed = asyncio.Event()

    def apply(self, event: Event) -> None:
        """Fold one event into the state."""
        self.shows[event.show_id] = evolve(self.shows.get(event.show_id), event)
        if isinstance(event, ListingAdded):
            self._show_of_listing[event.listing_id] = event.show_id
        elif isinstance(event, ListingPutUpForFlashSale):
            self._listing_of_sale[event.sale_id] = (event.show_id, event.listing_id)
        elif isinstance(event, ListingPutUpForGiveaway):
            self._listing_of_sale[event.giveaway_id] = (event.show_id, event.listing_id)

    def show(self, show_id: str) -> Show:
        if (show := self.shows.get(show_id)) is None:
            raise NotFound(f"no show {show_id}")
        return show

    def show_of_listing(self, listing_id: str) -> Show:
        if (show_id := self._show_of_listing.get(listing_id)) is None:
            raise NotFound(f"no listing {listing_id}")
        return self.show(show_id)

    async def rebuild(self, bootstrap: str) -> None:
        """Fold the whole of catalog.events.v1 into the state, then take commands."""
        count = 0
        async for record in read_to_end(bootstrap, CATALOG_EVENTS.name):
            self.apply(codec.event_from_envelope(decode(record.value, record.headers)))
            count += 1
        self.ready.set()
        log.info(
            "rebuilt the catalog", extra={"fields": {"events": count, "shows": len(self.shows)}}
        )

    def _check_writable(self) -> None:
        if self.failed.is_set():
            raise Unavailable("the catalog is restarting")
        if not self.ready.is_set():
            raise Unavailable("the catalog is still rebuilding its state")

    async def _append(self, events: list[Event], command_ref: str) -> None:
        for event, event_id in zip(events, codec.event_ids(events, command_ref), strict=True):
            try:
                await self._publish(codec.to_envelope(event, event_id, self._clock()))
            except Exception:
                # The write may or may not be in the log, so this state may no longer be its
                # fold: stop deciding; the process exits and a restart rebuilds from the log.
                self.failed.set()
                raise
            self.apply(event)

    def _show_for(self, show_id: str, listing_id: str) -> Show:
        """The show named in a request (the listing must then be in it), else the listing's."""
        return self.show(show_id) if show_id else self.show_of_listing(listing_id)

    async def _execute(
        self,
        command: ScheduleShow
        | AddListing
        | StartShow
        | EndShow
        | EndListingAuction
        | EndListingFlashSale
        | EndListingGiveaway,
        command_ref: str,
    ) -> None:
        async with self._lock:
            self._check_writable()
            await self._append(decide(self.shows.get(command.show_id), command), command_ref)

    async def schedule_show(self, command: ScheduleShow) -> str:
        await self._execute(command, f"{command.show_id}/schedule")
        return command.show_id

    async def add_listing(self, command: AddListing) -> str:
        await self._execute(command, f"{command.listing_id}/add")
        return command.listing_id

    async def start_show(self, command: StartShow) -> None:
        await self._execute(command, f"{command.show_id}/start")

    async def end_show(self, command: EndShow) -> None:
        await self._execute(command, f"{command.show_id}/end")

    async def put_up_for_auction(
        self, seller_id: str, listing_id: str, idempotency_key: str, terms: AuctionTerms
    ) -> tuple[str, int]:
        """Open the listing's next auction in bidding, then record it: (auction id, deadline)."""
        async with self._lock:
            self._check_writable()
            show = self.show_of_listing(listing_id)
            command = PutUpForAuction(show.show_id, seller_id, listing_id, idempotency_key)
            events = decide(show, command)
            listing = show.listing(listing_id)
            assert listing is not None
            if events:
                put_up = events[0]
                assert isinstance(put_up, ListingPutUpForAuction)
                # Bidding first: if this fails nothing is recorded, and the retry reuses the id.
                deadline = await self._bidding.open(put_up.auction_id, show, listing, terms)
                await self._append(events, f"{put_up.auction_id}/put-up")
                return put_up.auction_id, deadline
            auction_id = auction_for(listing, idempotency_key)
        return auction_id, await self._bidding.deadline(auction_id)

    async def auction_ended(
        self, show_id: str, listing_id: str, auction_id: str, sold: bool
    ) -> None:
        """Bidding ended an auction: the listing is sold (one unit) or available again."""
        if show_id not in self.shows:
            return  # not an auction this catalog started
        await self._execute(
            EndListingAuction(show_id, listing_id, auction_id, sold), f"{auction_id}/end"
        )

    async def put_up_for_flash_sale(self, command: PutUpForFlashSale) -> tuple[str, int]:
        """Open the listing's next flash sale in bidding, then record it: (sale id, deadline).

        `command.show_id` may be empty (the listing's show is used)."""
        async with self._lock:
            self._check_writable()
            show = self._show_for(command.show_id, command.listing_id)
            command = replace(command, show_id=show.show_id)
            events = decide(show, command)
            listing = show.listing(command.listing_id)
            assert listing is not None
            if events:
                put_up = events[0]
                assert isinstance(put_up, ListingPutUpForFlashSale)
                # Bidding first, as for auctions: a failure records nothing and the retry
                # reuses the id, which bidding answers with the sale it may already hold.
                sale_id = put_up.sale_id
                deadline = await self._bidding.open_flash_sale(sale_id, show, listing, command)
                await self._append(events, f"{sale_id}/put-up")
                return sale_id, deadline
            sale_id = flash_sale_for(listing, command.idempotency_key)
        # A retry: opening the same sale again only reads its deadline.
        return sale_id, await self._bidding.open_flash_sale(sale_id, show, listing, command)

    async def put_up_for_giveaway(self, command: PutUpForGiveaway) -> tuple[str, int]:
        """Open the listing's next giveaway in bidding, then record it: (giveaway id, end)."""
        async with self._lock:
            self._check_writable()
            show = self._show_for(command.show_id, command.listing_id)
            command = replace(command, show_id=show.show_id)
            events = decide(show, command)
            listing = show.listing(command.listing_id)
            assert listing is not None
            if events:
                put_up = events[0]
                assert isinstance(put_up, ListingPutUpForGiveaway)
                giveaway_id = put_up.giveaway_id
                ends_at = await self._bidding.open_giveaway(giveaway_id, show, listing, command)
                await self._append(events, f"{giveaway_id}/put-up")
                return giveaway_id, ends_at
            giveaway_id = giveaway_for(listing, command.idempotency_key)
        return giveaway_id, await self._bidding.open_giveaway(giveaway_id, show, listing, command)

    async def _listing_of(self, sale_id: str) -> tuple[str, str] | None:
        # Under the lock: a put-up still appending its record (a very short sale can close
        # before that) finishes first, so its close is never mistaken for a stranger's.
        async with self._lock:
            return self._listing_of_sale.get(sale_id)

    async def flash_sale_closed(self, sale_id: str, units_sold: int) -> None:
        """Bidding closed a flash sale: the units sold leave the listing's quantity."""
        if (where := await self._listing_of(sale_id)) is None:
            return  # not a sale this catalog started
        show_id, listing_id = where
        command = EndListingFlashSale(show_id, listing_id, sale_id, units_sold)
        await self._execute(command, f"{sale_id}/end")

    async def giveaway_drawn(self, giveaway_id: str, winner_id: str) -> None:
        """Bidding drew a giveaway: one unit is gone if somebody won it."""
        if (where := await self._listing_of(giveaway_id)) is None:
            return  # not a giveaway this catalog started
        show_id, listing_id = where
        command = EndListingGiveaway(show_id, listing_id, giveaway_id, winner_id)
        await self._execute(command, f"{giveaway_id}/end")

    async def on_bidding_event(self, env: Envelope, record: ConsumerRecord[bytes, bytes]) -> None:
        """EventConsumer handler for bidding.events.v1: the ends of auctions, flash sales and
        giveaways concern the catalog; every other event is ignored."""
        msg = env.message
        if isinstance(msg, bidding_pub.AuctionEnded):
            await self.auction_ended(msg.show_id, msg.listing_id, msg.auction_id, msg.sold)
        elif isinstance(msg, bidding_flash.FlashSaleClosed):
            await self.flash_sale_closed(msg.sale_id, msg.sold)
        elif isinstance(msg, bidding_giveaways.GiveawayDrawn):
            await self.giveaway_drawn(msg.giveaway_id, msg.winner_id)
