"""Flash sales and giveaways of a listing, as given events / when command / then events.

The catalog holds a listing for one sale at a time: while a flash sale or a giveaway runs, it
cannot be auctioned or put up again, and what bidding reports at the end sets what is left.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from catalog_builders import LISTING_ID, LIVE, SCHEDULE, SELLER, SHOW_ID, TERMS, add, given

from livebid_catalog.domain.commands import (
    AbandonSale,
    EndListingAuction,
    EndListingFlashSale,
    EndListingGiveaway,
    EndShow,
    PutUpForAuction,
    PutUpForFlashSale,
    PutUpForGiveaway,
    StartShow,
)
from livebid_catalog.domain.events import (
    ListingFlashSaleEnded,
    ListingGiveawayEnded,
    ListingPutUpForFlashSale,
    ListingPutUpForGiveaway,
    ListingSaleAbandoned,
)
from livebid_catalog.domain.show import (
    InvalidCommand,
    NotFound,
    NotNow,
    NotSeller,
    decide,
    flash_sale_for,
    giveaway_for,
)

TEN = (SCHEDULE, add(quantity=10), StartShow(SHOW_ID, SELLER))
SALE_1 = f"fs-{LISTING_ID}-1"
GIVEAWAY_1 = f"gw-{LISTING_ID}-1"


def flash(key: str = "f1", quantity: int = 5, **changes: object) -> PutUpForFlashSale:
    command = PutUpForFlashSale(
        show_id=SHOW_ID,
        seller_id=SELLER,
        listing_id=LISTING_ID,
        idempotency_key=key,
        price_cents=500,
        list_price_cents=1200,
        quantity=quantity,
        per_buyer_limit=1,
        duration_ms=60_000,
    )
    return replace(command, **changes)


def closed(units_sold: int, sale_id: str = SALE_1) -> EndListingFlashSale:
    return EndListingFlashSale(SHOW_ID, LISTING_ID, sale_id, units_sold)


def giveaway(key: str = "g1", **changes: object) -> PutUpForGiveaway:
    return replace(PutUpForGiveaway(SHOW_ID, SELLER, LISTING_ID, key, 30_000), **changes)


def drawn(winner: str, giveaway_id: str = GIVEAWAY_1) -> EndListingGiveaway:
    return EndListingGiveaway(SHOW_ID, LISTING_ID, giveaway_id, winner)


def auction(key: str = "a1") -> PutUpForAuction:
    return PutUpForAuction(SHOW_ID, SELLER, LISTING_ID, key, TERMS)


def status_and_quantity(*commands: object) -> tuple[str, int]:
    listing = given(*commands).listing(LISTING_ID)
    assert listing is not None
    return listing.status, listing.quantity


# Flash sales


def test_putting_units_up_for_a_flash_sale_holds_the_listing() -> None:
    assert decide(given(*TEN), flash()) == [
        ListingPutUpForFlashSale(
            SHOW_ID, LISTING_ID, SALE_1, 5, "f1", SELLER, 500, 1200, "USD", 1, 60_000
        )
    ]
    show = given(*TEN, flash())
    listing = show.listing(LISTING_ID)
    assert listing is not None
    assert (listing.status, listing.sale_id, listing.quantity) == ("in_flash_sale", SALE_1, 10)
    assert flash_sale_for(listing, "f1") == SALE_1


def test_a_retried_flash_sale_has_no_second_effect() -> None:
    assert decide(given(*TEN, flash()), flash()) == []


def test_a_listing_in_a_flash_sale_cannot_be_auctioned_or_sold_again() -> None:
    show = given(*TEN, flash())
    for command in (auction(), flash(key="f2"), giveaway()):
        with pytest.raises(NotNow, match="in_flash_sale"):
            decide(show, command)


def test_a_listing_in_a_running_auction_cannot_go_into_a_flash_sale() -> None:
    with pytest.raises(NotNow, match="in_auction"):
        decide(given(*TEN, auction()), flash())


def test_a_flash_sale_cannot_offer_more_than_is_left() -> None:
    with pytest.raises(NotNow, match="only 10 left"):
        decide(given(*TEN), flash(quantity=11))
    after_seven = given(*TEN, flash(quantity=8), closed(7))
    with pytest.raises(NotNow, match="only 3 left"):
        decide(after_seven, flash(key="f2", quantity=4))
    assert decide(after_seven, flash(key="f2", quantity=3))


def test_only_the_seller_may_run_a_flash_sale_or_a_giveaway() -> None:
    for command in (flash(seller_id="mallory"), giveaway(seller_id="mallory")):
        with pytest.raises(NotSeller):
            decide(given(*TEN), command)


def test_flash_sales_and_giveaways_run_only_while_the_show_is_live() -> None:
    for command in (flash(), giveaway()):
        with pytest.raises(NotNow, match="live"):
            decide(given(SCHEDULE, add(quantity=10)), command)
        with pytest.raises(NotNow, match="live"):
            decide(given(*TEN, EndShow(SHOW_ID, SELLER)), command)


def test_a_listing_of_another_show_or_none_is_not_found() -> None:
    for command in (flash(listing_id="nope"), giveaway(listing_id="nope")):
        with pytest.raises(NotFound):
            decide(given(*TEN), command)


@pytest.mark.parametrize(
    "changes",
    [
        {"price_cents": 0},
        {"list_price_cents": 400},  # a list price is the undiscounted one
        {"quantity": 0},
        {"per_buyer_limit": 0},
        {"duration_ms": 0},
        {"currency": "EUR"},  # the listing is priced in USD
    ],
)
def test_malformed_flash_sales_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidCommand):
        decide(given(*TEN), flash(**changes))


def test_the_listings_own_currency_may_be_named() -> None:
    assert decide(given(*TEN), flash(currency="USD"))


def test_a_closed_sale_takes_the_units_sold_and_frees_the_rest() -> None:
    assert decide(given(*TEN, flash()), closed(3)) == [
        ListingFlashSaleEnded(SHOW_ID, LISTING_ID, SALE_1, 3)
    ]
    assert status_and_quantity(*TEN, flash(), closed(3)) == ("available", 7)
    assert status_and_quantity(*TEN, flash(), closed(0)) == ("available", 10)


def test_a_sale_that_sells_the_last_unit_sells_the_listing_out() -> None:
    assert status_and_quantity(*TEN, flash(quantity=10), closed(10)) == ("sold", 0)
    with pytest.raises(NotNow, match="sold"):
        decide(given(*TEN, flash(quantity=10), closed(10)), auction())


def test_a_one_of_a_kind_listing_flash_sold_cannot_be_sold_twice() -> None:
    show = given(*LIVE, flash(quantity=1), closed(1))
    for command in (auction(), flash(key="f2", quantity=1), giveaway()):
        with pytest.raises(NotNow, match="sold"):
            decide(show, command)


def test_a_closed_sale_is_applied_once() -> None:
    show = given(*TEN, flash(), closed(3))
    assert decide(show, closed(3)) == []  # redelivered
    assert status_and_quantity(*TEN, flash(), closed(3), closed(3)) == ("available", 7)


def test_a_sale_that_is_not_the_listings_current_one_changes_nothing() -> None:
    assert decide(given(*TEN, flash()), closed(3, sale_id="fs-other")) == []
    assert decide(given(*TEN), closed(3)) == []


def test_the_next_flash_sale_of_a_listing_has_the_next_number() -> None:
    events = decide(given(*TEN, flash(), closed(2)), flash(key="f2"))
    assert [e.sale_id for e in events if isinstance(e, ListingPutUpForFlashSale)] == [
        f"fs-{LISTING_ID}-2"
    ]


def test_an_unsold_auction_then_a_flash_sale_of_the_same_listing() -> None:
    unsold = EndListingAuction(SHOW_ID, LISTING_ID, f"auc-{LISTING_ID}-1", sold=False)
    assert decide(given(*LIVE, auction(), unsold), flash(quantity=1))


# Giveaways


def test_putting_a_listing_up_for_a_giveaway_holds_it() -> None:
    assert decide(given(*LIVE), giveaway()) == [
        ListingPutUpForGiveaway(SHOW_ID, LISTING_ID, GIVEAWAY_1, "g1", SELLER, 30_000, False, False)
    ]
    listing = given(*LIVE, giveaway()).listing(LISTING_ID)
    assert listing is not None
    assert (listing.status, listing.giveaway_id) == ("in_giveaway", GIVEAWAY_1)
    assert giveaway_for(listing, "g1") == GIVEAWAY_1


def test_a_retried_giveaway_has_no_second_effect() -> None:
    assert decide(given(*LIVE, giveaway()), giveaway()) == []


def test_a_listing_in_a_giveaway_cannot_be_auctioned_or_sold() -> None:
    show = given(*LIVE, giveaway())
    for command in (auction(), flash(quantity=1), giveaway(key="g2")):
        with pytest.raises(NotNow, match="in_giveaway"):
            decide(show, command)


def test_a_giveaway_needs_a_window() -> None:
    with pytest.raises(InvalidCommand):
        decide(given(*LIVE), giveaway(duration_ms=0))


def test_a_won_giveaway_gives_one_unit_away() -> None:
    assert decide(given(*LIVE, giveaway()), drawn("fan-1")) == [
        ListingGiveawayEnded(SHOW_ID, LISTING_ID, GIVEAWAY_1, "fan-1")
    ]
    assert status_and_quantity(*LIVE, giveaway(), drawn("fan-1")) == ("sold", 0)
    assert status_and_quantity(*TEN, giveaway(), drawn("fan-1")) == ("available", 9)


def test_a_giveaway_nobody_entered_leaves_the_listing_available() -> None:
    assert status_and_quantity(*LIVE, giveaway(), drawn("")) == ("available", 1)


def test_a_drawn_giveaway_is_applied_once() -> None:
    assert decide(given(*TEN, giveaway(), drawn("fan-1")), drawn("fan-1")) == []
    assert decide(given(*TEN, giveaway()), drawn("fan-1", giveaway_id="gw-other")) == []


# The show


@pytest.mark.parametrize("running", [flash(), giveaway()])
def test_the_show_cannot_end_while_a_flash_sale_or_giveaway_runs(running: object) -> None:
    with pytest.raises(NotNow, match="still running"):
        decide(given(*TEN, running), EndShow(SHOW_ID, SELLER))


def test_the_show_can_end_once_they_ended() -> None:
    assert decide(given(*TEN, flash(), closed(1)), EndShow(SHOW_ID, SELLER))
    assert decide(given(*TEN, giveaway(), drawn("")), EndShow(SHOW_ID, SELLER))


# Abandoned sales (bidding refused to open them)


def test_an_abandoned_sale_releases_the_listing_with_its_quantity() -> None:
    show = given(*TEN, flash())
    [abandoned] = decide(show, AbandonSale(SHOW_ID, LISTING_ID, SALE_1, "bidding refused"))
    assert isinstance(abandoned, ListingSaleAbandoned)
    listing = given(*TEN, flash(), AbandonSale(SHOW_ID, LISTING_ID, SALE_1, "no")).listing(
        LISTING_ID
    )
    assert listing is not None and (listing.status, listing.quantity) == ("available", 10)


def test_abandoning_a_sale_that_is_over_or_not_current_changes_nothing() -> None:
    show = given(*TEN, flash(), closed(5))
    assert decide(show, AbandonSale(SHOW_ID, LISTING_ID, SALE_1, "late")) == []
    running = given(*TEN, flash())
    assert decide(running, AbandonSale(SHOW_ID, LISTING_ID, "fs-other", "stale")) == []
