"""The live show state as given events, then what a viewer sees."""

from __future__ import annotations

from dataclasses import replace

from notifications_builders import AUCTION, LISTING, SHOW, ended, high_bid, started

from livebid_notifications.domain import events as e
from livebid_notifications.domain.live import LiveView, fold, view
from livebid_notifications.feed import LiveFeed


def seen(*events: e.ShowEvent) -> LiveView:
    state = fold(list(events))
    assert state is not None
    return view(state)


SCHEDULED = e.ShowScheduled(SHOW, "seller-1", "Vintage denim", "https://video/x")
ADDED = e.ListingAdded(SHOW, LISTING, "Levi's 501, 1994")
UP = e.ListingPutUpForAuction(SHOW, LISTING, AUCTION)


def test_an_unknown_show_has_no_item() -> None:
    v = seen(e.ShowStarted(SHOW))
    assert (v.show_status, v.listing_id, v.auction_status) == ("live", "", "")


def test_an_auction_shows_its_item_price_leader_and_deadline() -> None:
    v = seen(
        SCHEDULED,
        e.ShowStarted(SHOW),
        ADDED,
        UP,
        started(),
        high_bid(1, 1000, "ann"),
        high_bid(2, 1200, "bob", deadline_ms=65_000),
    )
    assert (v.show_title, v.show_status) == ("Vintage denim", "live")
    assert (v.listing_title, v.auction_id) == ("Levi's 501, 1994", AUCTION)
    assert v.auction_status == "open"
    assert (v.price_cents, v.currency, v.leader_id, v.bid_count) == (1200, "USD", "bob", 2)
    assert (v.deadline_ms, v.min_next_bid_cents) == (65_000, 1300)


def test_before_the_first_bid_the_starting_price_shows() -> None:
    v = seen(ADDED, UP, started(price=1500))
    assert (v.price_cents, v.leader_id, v.bid_count, v.min_next_bid_cents) == (1500, "", 0, 1500)


def test_a_sold_auction_shows_its_winner_and_price() -> None:
    v = seen(ADDED, UP, started(), high_bid(1, 1000, "ann"), ended("ann", 1000))
    assert (v.auction_status, v.winner_id, v.leader_id) == ("sold", "ann", "ann")
    assert v.price_cents == 1000


def test_an_auction_without_a_winner_is_unsold() -> None:
    assert seen(ADDED, UP, started(), ended()).auction_status == "unsold"


def test_bidding_ahead_of_the_catalog_gives_the_same_view() -> None:
    bidding_first = seen(started(), high_bid(1, 1000, "ann"), ADDED, UP)
    catalog_first = seen(ADDED, UP, started(), high_bid(1, 1000, "ann"))
    assert bidding_first == catalog_first


def test_the_catalogs_end_then_biddings_end_gives_the_full_result() -> None:
    catalog_end = e.ListingAuctionEnded(SHOW, LISTING, AUCTION, sold=True)
    v = seen(ADDED, UP, started(), high_bid(1, 1000, "ann"), catalog_end)
    assert (v.auction_status, v.winner_id) == ("sold", "")
    v = seen(ADDED, UP, started(), high_bid(1, 1000, "ann"), catalog_end, ended("ann", 1000))
    assert (v.auction_status, v.winner_id) == ("sold", "ann")


def test_a_repeated_or_older_high_bid_changes_nothing() -> None:
    once = seen(ADDED, UP, started(), high_bid(1, 1000, "ann"), high_bid(2, 1100, "bob"))
    again = seen(
        ADDED,
        UP,
        started(),
        high_bid(1, 1000, "ann"),
        high_bid(2, 1100, "bob"),
        high_bid(1, 1000, "ann"),
        high_bid(2, 1100, "bob"),
    )
    assert once == again


def test_the_show_status_never_goes_back() -> None:
    v = seen(SCHEDULED, e.ShowStarted(SHOW), SCHEDULED, e.ShowEnded(SHOW), e.ShowStarted(SHOW))
    assert v.show_status == "ended"


def test_pinning_another_listing_makes_it_the_current_item() -> None:
    other = e.ListingAdded(SHOW, "listing-2", "Wool coat")
    v = seen(ADDED, other, UP, started(), e.ListingPinned(SHOW, "listing-2"))
    assert (v.listing_title, v.auction_id, v.auction_status) == ("Wool coat", "", "")
    v = seen(
        ADDED,
        other,
        UP,
        started(),
        ended("ann", 1000),
        e.ListingPinned(SHOW, "listing-2"),
        e.ListingPinned(SHOW, LISTING),
    )
    assert (v.listing_id, v.auction_id, v.auction_status) == (LISTING, AUCTION, "sold")


def test_ending_the_show_keeps_what_viewers_see() -> None:
    before = seen(ADDED, UP, started(), ended("ann", 1000))
    after = seen(ADDED, UP, started(), ended("ann", 1000), e.ShowEnded(SHOW))
    assert after == replace(before, show_status="ended")


FLASH, GIVEAWAY = "sale-1", "giveaway-1"
FLASH_UP = e.ListingPutUpForFlashSale(SHOW, LISTING, FLASH, 10)
FLASH_OPENED = e.FlashSaleOpened(SHOW, FLASH, LISTING, 1500, 2000, "USD", 10, 2, 90_000)


def test_a_flash_sale_shows_its_price_units_left_and_deadline() -> None:
    v = seen(ADDED, FLASH_UP, FLASH_OPENED, e.FlashSalePurchased(SHOW, FLASH, 8))
    assert (v.sale_kind, v.sale_id, v.sale_status, v.auction_id) == (
        "flash_sale",
        FLASH,
        "open",
        "",
    )
    assert (v.price_cents, v.list_price_cents, v.currency) == (1500, 2000, "USD")
    assert (v.units_total, v.units_left, v.per_buyer_limit, v.deadline_ms) == (10, 8, 2, 90_000)


def test_units_left_only_go_down_whatever_the_order_of_the_two_topics() -> None:
    bought = [e.FlashSalePurchased(SHOW, FLASH, n) for n in (7, 9, 8)]
    in_order = seen(ADDED, FLASH_UP, FLASH_OPENED, *bought)
    bidding_first = seen(FLASH_OPENED, *bought, bought[0], ADDED, FLASH_UP)
    assert in_order.units_left == bidding_first.units_left == 7
    assert in_order == bidding_first


def test_a_flash_sale_that_sold_out_says_so() -> None:
    v = seen(ADDED, FLASH_UP, FLASH_OPENED, e.FlashSaleClosed(SHOW, FLASH, 0, sold_out=True))
    assert (v.sale_status, v.units_left) == ("sold_out", 0)


def test_a_giveaway_shows_its_entrants_then_its_winner() -> None:
    up = e.ListingPutUpForGiveaway(SHOW, LISTING, GIVEAWAY)
    opened = e.GiveawayOpened(SHOW, GIVEAWAY, LISTING, 30_000)
    entries = [e.GiveawayEntered(SHOW, GIVEAWAY, n) for n in (1, 3, 2, 3)]
    v = seen(ADDED, up, opened, *entries)
    assert (v.sale_kind, v.sale_status, v.entrants, v.deadline_ms) == (
        "giveaway",
        "open",
        3,
        30_000,
    )
    v = seen(
        ADDED, up, opened, *entries, e.GiveawayDrawn(SHOW, GIVEAWAY, LISTING, "ann", 3, 31_000)
    )
    assert (v.sale_status, v.winner_id, v.entrants) == ("drawn", "ann", 3)


def test_an_auction_after_a_flash_sale_is_the_current_sale() -> None:
    v = seen(ADDED, FLASH_UP, FLASH_OPENED, UP, started())
    assert (v.sale_kind, v.sale_id, v.auction_id, v.units_total) == ("auction", AUCTION, AUCTION, 0)


def test_the_feed_finds_the_show_of_an_entry_by_its_giveaway() -> None:
    feed = LiveFeed()
    feed.apply(e.GiveawayOpened(SHOW, GIVEAWAY, LISTING, 30_000))
    feed.apply(e.GiveawayEntered("", GIVEAWAY, 1))
    feed.apply(e.GiveawayEntered("", "unknown-giveaway", 1))  # its show unknown: ignored
    snapshot = feed.snapshot(SHOW, 0)
    assert (snapshot["sale_kind"], snapshot["entrants"]) == ("giveaway", 1)
