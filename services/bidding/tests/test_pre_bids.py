"""Scheduled auctions and pre-bids: max bids taken before the auction opens."""

from __future__ import annotations

from auction_builders import AUCTION_ID, bid, given, only, open_auction

from livebid_bidding.domain.auction import decide
from livebid_bidding.domain.commands import BuyNow, CloseAuction
from livebid_bidding.domain.events import AuctionOpened, BidAccepted, RejectionReason

# Created at 0, opens at 60 s, then runs 30 s with a 10 s counter time.
SCHEDULED = open_auction(opens_at_ms=60_000, buy_now_price_cents=9000)


def test_the_timer_starts_when_the_auction_opens() -> None:
    opened = only(decide(None, SCHEDULED))
    assert isinstance(opened, AuctionOpened)
    assert (opened.opened_at_ms, opened.opens_at_ms, opened.deadline_ms) == (0, 60_000, 90_000)
    state = given(SCHEDULED)
    assert not state.has_started(59_999) and state.has_started(60_000)


def test_an_opening_time_in_the_past_opens_at_once() -> None:
    opened = only(decide(None, open_auction(at_ms=5_000, opens_at_ms=1_000)))
    assert (opened.opens_at_ms, opened.deadline_ms) == (5_000, 35_000)
    default = only(decide(None, open_auction(at_ms=5_000)))
    assert default.opens_at_ms == 5_000


def test_a_max_bid_before_opening_is_a_pre_bid_under_proxy_rules() -> None:
    state = given(SCHEDULED, bid("alice", max_=3000, at=10_000))
    accepted = only(decide(state, bid("bob", max_=2000, at=20_000)))
    assert isinstance(accepted, BidAccepted)
    assert (accepted.leader_id, accepted.price_cents) == ("alice", 2200)


def test_equal_pre_bids_go_to_the_earlier() -> None:
    state = given(SCHEDULED, bid("bob", max_=3000, at=10_000), bid("alice", max_=3000, at=20_000))
    assert (state.leader_id, state.price_cents) == ("bob", 3000)


def test_pre_bids_do_not_move_the_deadline() -> None:
    short = open_auction(opens_at_ms=60_000, duration_ms=5_000, counter_time_ms=10_000)
    accepted = only(decide(given(short), bid("alice", max_=3000, at=59_000)))
    assert accepted.deadline_ms == 65_000


def test_a_plain_bid_before_opening_is_refused_as_not_open() -> None:
    refused = only(decide(given(SCHEDULED), bid("alice", 1000, at=10_000)))
    assert refused.reason is RejectionReason.AUCTION_NOT_OPEN
    assert refused.min_next_bid_cents == 1000
    assert isinstance(only(decide(given(SCHEDULED), bid("alice", 1000, at=60_000))), BidAccepted)


def test_buy_now_waits_for_the_opening() -> None:
    early = BuyNow("buy-1", AUCTION_ID, "bob", 10_000)
    assert only(decide(given(SCHEDULED), early)).reason is RejectionReason.AUCTION_NOT_OPEN
    live = BuyNow("buy-2", AUCTION_ID, "bob", 60_000)
    assert only(decide(given(SCHEDULED), live)).buy_now


def test_pre_bids_carry_into_the_live_auction_and_win_at_close() -> None:
    state = given(
        SCHEDULED,
        bid("alice", max_=4000, at=10_000),
        bid("bob", max_=2500, at=20_000),
        bid("carol", 3000, at=70_000),
    )
    assert (state.leader_id, state.price_cents) == ("alice", 3200)
    assert decide(state, CloseAuction("early", AUCTION_ID, 60_000)) == []
    closed = only(decide(state, CloseAuction("close", AUCTION_ID, 90_000)))
    assert (closed.winner_id, closed.price_cents) == ("alice", 3200)
