"""Who is told what, and the inbox fold: cursors per user, repeats skipped."""

from __future__ import annotations

import pytest
from notifications_builders import AUCTION, SHOW, ended

from livebid_notifications.domain import events as e
from livebid_notifications.domain.inbox import (
    Inbox,
    InvalidEvent,
    Notification,
    NotificationKind,
    derive,
)

OUTBID = e.BidderOutbid(SHOW, AUCTION, "ann", 1200, "USD", 5_000)
ORDER = e.OrderPlaced("order-1", SHOW, AUCTION, "bob", 1200, "USD", 9_000)


def note(user: str, source: str) -> Notification:
    return Notification(user, NotificationKind.OUTBID, source, AUCTION, SHOW, 100, "USD", "x", 1)


def test_an_outbid_bidder_is_told_the_new_price() -> None:
    [n] = derive("ev-1", OUTBID)
    assert (n.user_id, n.kind, n.source_event_id) == ("ann", NotificationKind.OUTBID, "ev-1")
    assert (n.amount_cents, n.currency, n.at_ms, n.cursor) == (1200, "USD", 5_000, 0)
    assert n.text == "You were outbid: the high bid is now 12.00 USD."


def test_the_winner_of_a_sold_auction_is_told() -> None:
    [n] = derive("ev-2", ended("bob", 2500))
    assert (n.user_id, n.kind) == ("bob", NotificationKind.WON)
    assert (n.amount_cents, n.at_ms) == (2500, 61_000)


def test_an_unsold_auction_tells_nobody() -> None:
    assert derive("ev-3", ended()) == []


def test_the_winner_of_a_giveaway_is_told_and_an_empty_draw_tells_nobody() -> None:
    [n] = derive("ev-3", e.GiveawayDrawn(SHOW, "giveaway-1", "listing-1", "cy", 4, 7_000))
    assert (n.user_id, n.kind, n.auction_id, n.at_ms) == (
        "cy",
        NotificationKind.WON,
        "giveaway-1",
        7_000,
    )
    assert derive("ev-4", e.GiveawayDrawn(SHOW, "giveaway-1", "listing-1", "", 0, 7_000)) == []


def test_a_buyer_is_told_of_their_order() -> None:
    [n] = derive("ev-4", ORDER)
    assert (n.user_id, n.kind, n.auction_id) == ("bob", NotificationKind.ORDER_PLACED, AUCTION)
    assert "order-1" in n.text


def test_other_events_tell_nobody() -> None:
    assert derive("ev-5", e.ShowStarted(SHOW)) == []


@pytest.mark.parametrize(
    "event",
    [
        e.BidderOutbid(SHOW, AUCTION, "", 1200, "USD", 1),
        e.AuctionEnded(SHOW, AUCTION, "l", True, "", 1200, "USD", 1, 1),
        e.OrderPlaced("o", SHOW, AUCTION, "", 1200, "USD", 1),
    ],
)
def test_an_event_that_should_notify_but_names_nobody_is_invalid(event: e.Event) -> None:
    with pytest.raises(InvalidEvent):
        derive("ev-6", event)


def test_cursors_count_each_users_entries_from_one() -> None:
    inbox = Inbox()
    cursors = [inbox.apply(note(u, s)) for u, s in [("ann", "a"), ("bob", "b"), ("ann", "c")]]
    assert [(n.user_id, n.cursor) for n in cursors if n] == [("ann", 1), ("bob", 1), ("ann", 2)]
    assert inbox.last_cursor("ann") == 2 and inbox.last_cursor("nobody") == 0


def test_a_repeated_source_event_is_skipped_and_takes_no_cursor() -> None:
    inbox = Inbox()
    assert inbox.apply(note("ann", "a")) is not None
    assert inbox.apply(note("ann", "a")) is None
    assert inbox.apply(note("bob", "a")) is not None  # the same source may tell another user
    assert inbox.apply(note("ann", "b")).cursor == 2  # type: ignore[union-attr]
    assert inbox.has("ann", "a") and not inbox.has("ann", "z")


def test_rebuilding_from_the_same_log_assigns_the_same_cursors() -> None:
    log = [note("ann", "a"), note("ann", "a"), note("bob", "b"), note("ann", "c")]
    first, second = Inbox(), Inbox()
    for n in log:
        first.apply(n)
    for n in log:
        second.apply(n)
    assert first.after("ann", 0) == second.after("ann", 0)
    assert [n.cursor for n in first.after("ann", 0)] == [1, 2]


def test_after_returns_entries_past_a_cursor_oldest_first() -> None:
    inbox = Inbox()
    for s in "abcde":
        inbox.apply(note("ann", s))
    assert [n.source_event_id for n in inbox.after("ann", 2)] == ["c", "d", "e"]
    assert [n.cursor for n in inbox.after("ann", 1, limit=2)] == [2, 3]
    assert inbox.after("ann", 5) == [] and inbox.after("ann", 99) == []
