"""Auction rules as given events / when command / then events.

Prices are on the Whatnot table: $1 steps below $20, $2 steps from $20 (see auction_builders).
"""

from __future__ import annotations

import pytest
from auction_builders import AUCTION_ID, SELLER_ID, bid, given, only, open_auction

from livebid_bidding.domain.auction import InvalidCommand, decide
from livebid_bidding.domain.commands import CloseAuction, Format, VoidAuction
from livebid_bidding.domain.events import (
    AuctionClosed,
    AuctionOpened,
    AuctionVoided,
    BidAccepted,
    BidRejected,
    RejectionReason,
)


def close(at: int) -> CloseAuction:
    return CloseAuction(f"close-{at}", AUCTION_ID, at)


# Opening


def test_open_sets_the_deadline_from_the_log_time() -> None:
    opened = only(decide(None, open_auction(at_ms=5_000)))
    assert isinstance(opened, AuctionOpened)
    assert (opened.opened_at_ms, opened.deadline_ms) == (5_000, 35_000)
    assert opened.starting_price_cents == 1000 and opened.currency == "USD"


def test_opening_twice_has_no_second_effect() -> None:
    assert decide(given(open_auction()), open_auction()) == []


@pytest.mark.parametrize(
    "changes",
    [{"starting_price_cents": 0}, {"duration_ms": 0}, {"counter_time_ms": -1}, {"currency": ""}],
)
def test_malformed_open_is_invalid(changes: dict[str, int | str]) -> None:
    with pytest.raises(InvalidCommand):
        decide(None, open_auction(**changes))


def test_unknown_increment_table_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown increment table"):
        decide(None, open_auction(increment_table="nope"))


# Bidding at and below the minimum


def test_first_bid_at_the_starting_price_leads() -> None:
    accepted = only(decide(given(open_auction()), bid("alice", 1000)))
    assert isinstance(accepted, BidAccepted)
    assert (accepted.leader_id, accepted.price_cents, accepted.bid_count) == ("alice", 1000, 1)
    assert accepted.previous_leader_id == ""


def test_first_bid_below_the_starting_price_is_rejected_with_the_minimum() -> None:
    rejected = only(decide(given(open_auction()), bid("alice", 900)))
    assert isinstance(rejected, BidRejected)
    assert rejected.reason is RejectionReason.BELOW_MINIMUM
    assert rejected.min_next_bid_cents == 1000


def test_next_bid_must_be_one_increment_above_the_price() -> None:
    state = given(open_auction(), bid("alice", 1000))
    rejected = only(decide(state, bid("bob", 1050)))
    assert rejected.reason is RejectionReason.BELOW_MINIMUM
    assert rejected.min_next_bid_cents == 1100
    accepted = only(decide(state, bid("bob", 1100)))
    assert (accepted.leader_id, accepted.price_cents, accepted.previous_leader_id) == (
        "bob",
        1100,
        "alice",
    )


def test_bid_on_an_unknown_auction_is_rejected() -> None:
    rejected = only(decide(None, bid("alice", 1000)))
    assert rejected.reason is RejectionReason.AUCTION_NOT_FOUND
    assert rejected.min_next_bid_cents == 0


def test_bid_without_amount_or_maximum_is_invalid() -> None:
    assert only(decide(given(open_auction()), bid("alice"))).reason is RejectionReason.INVALID


# Proxy bidding


def test_a_maximum_bids_only_the_starting_price() -> None:
    accepted = only(decide(given(open_auction()), bid("alice", max_=5000)))
    assert (accepted.leader_id, accepted.price_cents, accepted.leader_max_cents) == (
        "alice",
        1000,
        5000,
    )


def test_new_maximum_above_the_leaders_takes_the_lead_one_step_above_it() -> None:
    state = given(open_auction(), bid("alice", max_=3000))
    accepted = only(decide(state, bid("bob", max_=5000)))
    # The runner-up's 3000 plus the 200 step at 3000.
    assert (accepted.leader_id, accepted.price_cents, accepted.runner_up_max_cents) == (
        "bob",
        3200,
        3000,
    )


def test_new_maximum_below_the_leaders_raises_the_price_but_not_the_leader() -> None:
    state = given(open_auction(), bid("alice", max_=5000))
    accepted = only(decide(state, bid("bob", max_=3000)))
    assert (accepted.leader_id, accepted.price_cents) == ("alice", 3200)
    assert accepted.previous_leader_id == "alice"


def test_equal_maximums_go_to_the_earlier_bid_at_that_maximum() -> None:
    state = given(open_auction(), bid("alice", max_=3000))
    accepted = only(decide(state, bid("bob", max_=3000)))
    assert (accepted.leader_id, accepted.price_cents) == ("alice", 3000)


def test_leader_raising_their_own_maximum_does_not_raise_the_price() -> None:
    state = given(open_auction(), bid("alice", max_=3000), bid("bob", max_=2000))
    assert state.price_cents == 2200
    accepted = only(decide(state, bid("alice", max_=6000)))
    assert (accepted.leader_id, accepted.price_cents, accepted.leader_max_cents) == (
        "alice",
        2200,
        6000,
    )


def test_leader_raising_their_maximum_lets_a_capped_price_reach_runner_up_plus_a_step() -> None:
    # Tied at 3000, the price was capped at alice's maximum; raising it frees the step.
    state = given(open_auction(), bid("alice", max_=3000), bid("bob", max_=3000))
    assert state.price_cents == 3000
    assert only(decide(state, bid("alice", max_=6000))).price_cents == 3200


def test_leader_cannot_lower_or_repeat_their_maximum() -> None:
    state = given(open_auction(), bid("alice", max_=3000))
    assert only(decide(state, bid("alice", max_=3000))).reason is RejectionReason.BELOW_MINIMUM


def test_custom_amount_shows_as_typed() -> None:
    accepted = only(decide(given(open_auction()), bid("alice", 1500)))
    assert accepted.price_cents == 1500


def test_custom_amount_with_a_maximum_shows_the_amount_and_keeps_the_maximum() -> None:
    state = given(open_auction(), bid("alice", 1000))
    accepted = only(decide(state, bid("bob", 1500, max_=4000)))
    assert (accepted.leader_id, accepted.price_cents, accepted.leader_max_cents) == (
        "bob",
        1500,
        4000,
    )


def test_custom_amount_below_the_minimum_is_rejected_even_with_a_high_maximum() -> None:
    state = given(open_auction(), bid("alice", 1000))
    assert only(decide(state, bid("bob", 1050, max_=4000))).reason is RejectionReason.BELOW_MINIMUM


# Timing: soft close, sudden death, closing


def test_a_late_bid_resets_the_remaining_time_to_the_counter_time() -> None:
    accepted = only(decide(given(open_auction()), bid("alice", 1000, at=25_000)))
    assert accepted.deadline_ms == 35_000


def test_an_early_bid_leaves_the_deadline() -> None:
    state = given(open_auction())
    assert only(decide(state, bid("alice", 1000, at=15_000))).deadline_ms == 30_000
    # Exactly the counter time left is not "within" it.
    assert only(decide(state, bid("alice", 1000, at=20_000))).deadline_ms == 30_000


def test_extensions_chain_as_long_as_bidding_goes_on() -> None:
    state = given(open_auction(), bid("alice", 1000, at=25_000), bid("bob", 1100, at=34_000))
    assert state.deadline_ms == 44_000


def test_sudden_death_never_extends() -> None:
    state = given(open_auction(format=Format.SUDDEN_DEATH))
    assert only(decide(state, bid("alice", 1000, at=29_999))).deadline_ms == 30_000


def test_bid_at_the_deadline_counts_and_after_it_is_rejected() -> None:
    state = given(open_auction(format=Format.SUDDEN_DEATH))
    assert isinstance(only(decide(state, bid("alice", 1000, at=30_000))), BidAccepted)
    late = only(decide(state, bid("alice", 1000, at=30_001)))
    assert late.reason is RejectionReason.AUCTION_CLOSED


def test_a_close_before_the_deadline_is_stale_and_ignored() -> None:
    assert decide(given(open_auction()), close(29_999)) == []


def test_a_close_for_the_old_deadline_is_ignored_after_an_extension() -> None:
    state = given(open_auction(), bid("alice", 1000, at=25_000))
    assert decide(state, close(30_000)) == []
    assert isinstance(only(decide(state, close(35_000))), AuctionClosed)


def test_close_picks_the_leader_at_the_displayed_price() -> None:
    state = given(open_auction(), bid("alice", max_=5000), bid("bob", max_=3000))
    closed = only(decide(state, close(30_000)))
    assert (closed.winner_id, closed.price_cents, closed.reserve_met) == ("alice", 3200, True)
    assert (closed.at_ms, closed.deadline_ms) == (30_000, 30_000)


def test_close_without_bids_has_no_winner() -> None:
    closed = only(decide(given(open_auction()), close(30_000)))
    assert (closed.winner_id, closed.price_cents) == ("", 0)


def test_closing_twice_has_no_second_effect() -> None:
    state = given(open_auction(), bid("alice", 1000), close(30_000))
    assert state.status == "closed" and state.winner_id == "alice"
    assert decide(state, close(31_000)) == []
    late = only(decide(state, bid("bob", 5000, at=30_000)))
    assert late.reason is RejectionReason.AUCTION_CLOSED


# Reserve


def test_reserve_not_met_means_no_winner() -> None:
    state = given(open_auction(reserve_price_cents=5000), bid("alice", max_=3000))
    assert state.price_cents == 1000
    closed = only(decide(state, close(30_000)))
    assert (closed.winner_id, closed.price_cents, closed.reserve_met) == ("", 0, False)


def test_a_met_reserve_shows_at_once_as_the_price() -> None:
    state = given(open_auction(reserve_price_cents=5000))
    assert only(decide(state, bid("alice", max_=6000))).price_cents == 5000
    state = given(open_auction(reserve_price_cents=5000), bid("alice", max_=6000))
    closed = only(decide(state, close(30_000)))
    assert (closed.winner_id, closed.price_cents, closed.reserve_met) == ("alice", 5000, True)


# Eligibility and administration


def test_seller_cannot_bid_on_their_own_listing() -> None:
    rejected = only(decide(given(open_auction()), bid(SELLER_ID, 1000)))
    assert rejected.reason is RejectionReason.SELLER_CANNOT_BID


def test_verified_only_auction_rejects_unverified_bidders() -> None:
    state = given(open_auction(require_verified_buyers=True))
    assert only(decide(state, bid("alice", 1000))).reason is RejectionReason.NOT_ELIGIBLE
    assert isinstance(only(decide(state, bid("alice", 1000, bidder_verified=True))), BidAccepted)


def test_admin_can_void_a_running_auction_and_then_nothing_more_happens() -> None:
    state = given(open_auction(), bid("alice", 1000))
    voided = only(decide(state, VoidAuction("void-1", AUCTION_ID, "admin", "fraud", 2_000)))
    assert voided == AuctionVoided(AUCTION_ID, "void-1", 2_000, "admin", "fraud")
    state = given(open_auction(), bid("alice", 1000), VoidAuction("v", AUCTION_ID, "a", "r", 2_000))
    assert state.status == "voided"
    assert only(decide(state, bid("bob", 2000))).reason is RejectionReason.AUCTION_CLOSED
    assert decide(state, close(30_000)) == []
    assert decide(state, VoidAuction("v2", AUCTION_ID, "a", "r", 3_000)) == []
