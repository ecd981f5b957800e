"""Catalog rules as given events / when command / then events."""

from __future__ import annotations

import pytest
from catalog_builders import (
    ADD,
    LISTING_ID,
    LIVE,
    SCHEDULE,
    SELLER,
    SHOW_ID,
    TERMS,
    add,
    ended,
    given,
)

from livebid_catalog.domain.commands import (
    EndListingAuction,
    EndShow,
    PutUpForAuction,
    StartShow,
)
from livebid_catalog.domain.events import (
    ListingAdded,
    ListingAuctionEnded,
    ListingPinned,
    ListingPutUpForAuction,
    ShowEnded,
    ShowScheduled,
    ShowStarted,
)
from livebid_catalog.domain.show import (
    InvalidCommand,
    NotFound,
    NotNow,
    NotSeller,
    decide,
    listing_id_for,
    show_id_for,
)


def sold(n: int) -> EndListingAuction:
    return EndListingAuction(SHOW_ID, LISTING_ID, f"auc-{LISTING_ID}-{n}", sold=True)


def put_up(key: str = "k1", seller: str = SELLER, listing: str = LISTING_ID) -> PutUpForAuction:
    return PutUpForAuction(SHOW_ID, seller, listing, key, TERMS)


# Shows


def test_scheduling_a_show() -> None:
    assert decide(None, SCHEDULE) == [
        ShowScheduled(SHOW_ID, SELLER, "Vintage denim", "https://video.example/s1", 1_000)
    ]


def test_scheduling_again_has_no_second_effect() -> None:
    assert decide(given(SCHEDULE), SCHEDULE) == []


def test_a_show_needs_a_seller() -> None:
    with pytest.raises(InvalidCommand):
        decide(None, SCHEDULE.__class__(SHOW_ID, "", "t", "", 0))


def test_ids_derive_from_the_seller_and_the_key() -> None:
    assert show_id_for("s", "k") == show_id_for("s", "k") != show_id_for("other", "k")
    assert listing_id_for("s", "show", "k") != listing_id_for("s", "show2", "k")


def test_starting_and_ending_a_show() -> None:
    assert decide(given(SCHEDULE), StartShow(SHOW_ID, SELLER)) == [ShowStarted(SHOW_ID, SELLER)]
    assert decide(given(*LIVE), StartShow(SHOW_ID, SELLER)) == []
    assert decide(given(*LIVE), EndShow(SHOW_ID, SELLER)) == [ShowEnded(SHOW_ID, SELLER)]
    assert decide(given(*LIVE, EndShow(SHOW_ID, SELLER)), EndShow(SHOW_ID, SELLER)) == []


def test_an_ended_show_cannot_start_again() -> None:
    with pytest.raises(NotNow):
        decide(given(*LIVE, EndShow(SHOW_ID, SELLER)), StartShow(SHOW_ID, SELLER))


@pytest.mark.parametrize(
    "command",
    [
        StartShow(SHOW_ID, "mallory"),
        EndShow(SHOW_ID, "mallory"),
        add(seller_id="mallory"),
        put_up(seller="mallory"),
    ],
)
def test_only_the_seller_may_change_a_show(command: object) -> None:
    with pytest.raises(NotSeller):
        decide(given(*LIVE), command)


def test_commands_to_an_unknown_show_are_not_found() -> None:
    with pytest.raises(NotFound):
        decide(None, StartShow(SHOW_ID, SELLER))


# Listings


def test_listings_take_the_next_place_in_the_run_order() -> None:
    first = decide(given(SCHEDULE), ADD)
    assert [type(e) for e in first] == [ListingAdded] and first[0].run_order == 1
    second = decide(given(SCHEDULE, ADD), add(listing_id="listing-2"))
    assert second[0].run_order == 2


def test_adding_a_listing_again_has_no_second_effect() -> None:
    assert decide(given(SCHEDULE, ADD), ADD) == []


def test_listings_can_be_added_to_a_live_show_but_not_an_ended_one() -> None:
    assert decide(given(*LIVE), add(listing_id="listing-2"))
    with pytest.raises(NotNow):
        decide(given(*LIVE, EndShow(SHOW_ID, SELLER)), add(listing_id="listing-2"))


@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"quantity": 0},
        {"starting_price_cents": 0},
        {"currency": ""},
        {"buy_now_price_cents": 500},
    ],
)
def test_malformed_listings_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidCommand):
        decide(given(SCHEDULE), add(**changes))


# Auctions


def test_putting_up_a_listing_opens_its_first_auction_and_pins_it() -> None:
    assert decide(given(*LIVE), put_up()) == [
        ListingPutUpForAuction(
            SHOW_ID, LISTING_ID, f"auc-{LISTING_ID}-1", "k1", SELLER, 1000, "USD", 0, TERMS
        ),
        ListingPinned(SHOW_ID, LISTING_ID),
    ]
    show = given(*LIVE, put_up())
    assert show.pinned_listing_id == LISTING_ID
    assert show.listing(LISTING_ID).status == "in_auction"


def test_a_retried_put_up_has_no_second_effect() -> None:
    assert decide(given(*LIVE, put_up()), put_up()) == []


def test_a_listing_in_a_running_auction_cannot_go_up_again() -> None:
    with pytest.raises(NotNow, match="in_auction"):
        decide(given(*LIVE, put_up()), put_up(key="k2"))


def test_auctions_run_only_while_the_show_is_live() -> None:
    with pytest.raises(NotNow):
        decide(given(SCHEDULE, ADD), put_up())
    with pytest.raises(NotNow):
        decide(given(*LIVE, EndShow(SHOW_ID, SELLER)), put_up())


def test_an_unknown_listing_is_not_found() -> None:
    with pytest.raises(NotFound):
        decide(given(*LIVE), put_up(listing="nope"))


def test_a_sold_out_listing_cannot_be_sold_twice() -> None:
    show = ended(given(*LIVE, put_up()), sold=True)
    assert show.listing(LISTING_ID).status == "sold"
    with pytest.raises(NotNow, match="sold"):
        decide(show, put_up(key="k2"))


def test_an_unsold_listing_can_go_up_again_as_the_next_auction() -> None:
    show = ended(given(*LIVE, put_up()), sold=False)
    assert show.listing(LISTING_ID).status == "available"
    events = decide(show, put_up(key="k2"))
    assert events[0].auction_id == f"auc-{LISTING_ID}-2"


def test_a_listing_with_quantity_left_stays_available_after_a_sale() -> None:
    two = (SCHEDULE, add(quantity=2), StartShow(SHOW_ID, SELLER))
    first_sale = (put_up(), sold(1))
    listing = given(*two, *first_sale).listing(LISTING_ID)
    assert listing is not None and (listing.status, listing.quantity) == ("available", 1)
    listing = given(*two, *first_sale, put_up(key="k2"), sold(2)).listing(LISTING_ID)
    assert listing is not None and (listing.status, listing.quantity) == ("sold", 0)


def test_the_show_cannot_end_while_an_auction_runs() -> None:
    with pytest.raises(NotNow):
        decide(given(*LIVE, put_up()), EndShow(SHOW_ID, SELLER))


def test_an_ended_auction_frees_or_sells_the_listing_once() -> None:
    show = given(*LIVE, put_up())
    auction_id = f"auc-{LISTING_ID}-1"
    end = EndListingAuction(SHOW_ID, LISTING_ID, auction_id, sold=True)
    assert decide(show, end) == [ListingAuctionEnded(SHOW_ID, LISTING_ID, auction_id, True)]
    assert decide(ended(show), end) == []  # redelivered


def test_an_auction_that_is_not_the_listings_current_one_changes_nothing() -> None:
    show = given(*LIVE, put_up())
    assert decide(show, EndListingAuction(SHOW_ID, LISTING_ID, "auc-other", sold=True)) == []
