"""Builders for the catalog tests: commands with sensible defaults and given/when helpers.

The module name is unique across the workspace because pytest puts each tests folder on
sys.path (rootdir-relative "prepend" import mode).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from livebid_catalog.domain.commands import AddListing, AuctionTerms, ScheduleShow, StartShow
from livebid_catalog.domain.events import Event, ListingAuctionEnded, ListingPutUpForAuction
from livebid_catalog.domain.show import Show, decide, fold

SELLER = "seller-1"
SHOW_ID = "show-1"
LISTING_ID = "listing-1"

TERMS = AuctionTerms(True, 30_000, 10_000, "whatnot-v1", 0, False)
SCHEDULE = ScheduleShow(SHOW_ID, SELLER, "Vintage denim", "https://video.example/s1", 1_000)
ADD = AddListing(
    listing_id=LISTING_ID,
    show_id=SHOW_ID,
    seller_id=SELLER,
    title="Levi's 501, 1994",
    description="Barely worn",
    photo_urls=("https://img.example/1.jpg",),
    category="clothing",
    size="32/32",
    brand="Levi's",
    condition="used",
    quantity=1,
    starting_price_cents=1000,
    currency="USD",
    buy_now_price_cents=0,
    shipping_profile="standard",
)


def add(**changes: Any) -> AddListing:
    return replace(ADD, **changes)


def given(*commands: object) -> Show:
    """The show after deciding and applying each command in turn."""
    events: list[Event] = []
    for command in commands:
        events += decide(fold(events), command)
    show = fold(events)
    assert show is not None
    return show


def ended(show: Show, listing_id: str = LISTING_ID, sold: bool = True) -> Show:
    """The show after the listing's running auction ended."""
    listing = show.listing(listing_id)
    assert listing is not None
    event = ListingAuctionEnded(show.show_id, listing_id, listing.auction_id, sold)
    result = fold([event], show)
    assert result is not None
    return result


def put_up_events(events: list[Event]) -> ListingPutUpForAuction:
    first = events[0]
    assert isinstance(first, ListingPutUpForAuction)
    return first


LIVE = (SCHEDULE, ADD, StartShow(SHOW_ID, SELLER))
