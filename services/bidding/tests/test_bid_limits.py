"""Per-buyer bid rate limit and new buyers' spending limit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from auction_builders import bid, given, only, open_auction

from livebid_bidding.domain.auction import InvalidCommand, decide
from livebid_bidding.domain.events import BidAccepted, RejectionReason

# At most 3 bids per buyer in any 10 s of log time.
LIMITED = open_auction(bid_rate_limit=3, bid_rate_window_ms=10_000, duration_ms=120_000)


def test_a_buyer_over_the_rate_is_refused_until_the_window_passes() -> None:
    state = given(
        LIMITED,
        bid("alice", 1000, at=1_000),
        bid("bob", 1100, at=1_500),
        bid("alice", 1200, at=2_000),
        bid("bob", 1300, at=2_500),
        bid("alice", 1400, at=3_000),
        bid("bob", 1500, at=3_500),
    )
    refused = only(decide(state, bid("alice", 1600, at=4_000)))
    assert refused.reason is RejectionReason.RATE_LIMITED
    # Her first bid (at 1 s) leaves the window (t - 10 s, t] at t = 11 s.
    still = only(decide(state, bid("alice", 1600, at=10_999)))
    assert still.reason is RejectionReason.RATE_LIMITED
    assert isinstance(only(decide(state, bid("alice", 1600, at=11_000))), BidAccepted)


def test_the_limit_is_per_buyer() -> None:
    state = given(
        LIMITED, bid("alice", 1000, at=1_000), bid("alice", 1100, at=2_000), bid("alice", 1200)
    )
    assert isinstance(only(decide(state, bid("bob", 1300, at=4_000))), BidAccepted)


def test_refused_bids_count_but_rate_limited_ones_do_not() -> None:
    # Three taps at a stale price are three bids; the fourth is refused for the rate.
    taps = [bid("alice", 900, at=t) for t in (1_000, 1_100, 1_200)]
    state = given(LIMITED, bid("carol", 1000, at=500), *taps)
    refused = only(decide(state, bid("alice", 2000, at=1_300)))
    assert refused.reason is RejectionReason.RATE_LIMITED
    # Being refused for the rate does not extend the block.
    state = given(
        LIMITED,
        bid("carol", 1000, at=500),
        *[bid("alice", 900, at=t) for t in (1_000, 1_100, 1_200, 1_300, 1_400)],
    )
    assert isinstance(only(decide(state, bid("alice", 2000, at=11_000))), BidAccepted)


def test_no_limit_by_default() -> None:
    bids = [bid("alice", 1000 + 100 * i, at=1_000 + i) for i in range(0, 40, 2)]
    state = given(open_auction(), *bids)
    assert state.bid_count == 20 and state.recent_bids == ()


def test_a_rate_limit_needs_a_window() -> None:
    with pytest.raises(InvalidCommand):
        decide(None, open_auction(bid_rate_limit=3))


def test_spending_limit_counts_commitments_and_this_bids_maximum() -> None:
    state = given(open_auction())
    over = bid("alice", 1000, max_=6000, spending_limit_cents=10_000, open_commitments_cents=4_001)
    refused = only(decide(state, over))
    assert refused.reason is RejectionReason.OVER_LIMIT
    within = replace(over, open_commitments_cents=4_000)
    assert isinstance(only(decide(state, within)), BidAccepted)


def test_spending_limit_applies_to_a_plain_amount_and_zero_means_none() -> None:
    state = given(open_auction())
    over = bid("alice", 2000, spending_limit_cents=1_500)
    assert only(decide(state, over)).reason is RejectionReason.OVER_LIMIT
    unlimited = bid("alice", 2000, open_commitments_cents=1_000_000)
    assert isinstance(only(decide(state, unlimited)), BidAccepted)


def test_negative_limits_are_invalid() -> None:
    state = given(open_auction())
    refused = only(decide(state, bid("alice", 1000, spending_limit_cents=-1)))
    assert refused.reason is RejectionReason.INVALID
