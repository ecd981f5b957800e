"""A cancelled order's unit comes back to its listing (orders' OrderCancelled, relisted)."""

from __future__ import annotations

from catalog_builders import LISTING_ID, LIVE, SELLER, SHOW_ID, TERMS, ended, given

from livebid_catalog.domain.commands import PutUpForAuction, RelistUnit
from livebid_catalog.domain.events import ListingUnitRelisted
from livebid_catalog.domain.show import decide, fold


def test_a_sold_listing_is_available_again_once_per_cancelled_order() -> None:
    sold = ended(given(*LIVE, PutUpForAuction(SHOW_ID, SELLER, LISTING_ID, "a1", TERMS)))
    assert sold.listing(LISTING_ID).status == "sold"  # type: ignore[union-attr]
    relist = RelistUnit(SHOW_ID, LISTING_ID, "ord-1")
    events = decide(sold, relist)
    assert events == [ListingUnitRelisted(SHOW_ID, LISTING_ID, "ord-1", 1)]
    back = fold(events, sold)
    assert back is not None
    listing = back.listing(LISTING_ID)
    assert listing is not None and (listing.status, listing.quantity) == ("available", 1)
    assert decide(back, relist) == []  # redelivered: the unit came back once
