"""Buy-it-now: ends the auction at once, while bidding is below the buy-it-now price."""

from __future__ import annotations

import pytest
from auction_builders import AUCTION_ID, SELLER_ID, bid, given, only, open_auction

from livebid_bidding.domain.auction import InvalidCommand, decide
from livebid_bidding.domain.commands import BuyNow, CloseAuction, VoidAuction
from livebid_bidding.domain.events import AuctionClosed, BidRejected, RejectionReason

WITH_BUY_NOW = open_auction(buy_now_price_cents=5000)


def buy(
    buyer: str, at: int = 2_000, verified: bool = False, limit: int = 0, owed: int = 0
) -> BuyNow:
    """`owed`: the buyer's open commitments elsewhere, against the spending `limit`."""
    return BuyNow(f"buy-{buyer}-{at}", AUCTION_ID, buyer, at, verified, limit, owed)


def test_buy_now_ends_the_auction_with_the_buyer_at_the_buy_now_price() -> None:
    state = given(WITH_BUY_NOW, bid("alice", max_=3000))
    closed = only(decide(state, buy("bob")))
    assert closed == AuctionClosed(
        auction_id=AUCTION_ID,
        command_id="buy-bob-2000",
        at_ms=2_000,
        winner_id="bob",
        price_cents=5000,
        reserve_met=True,
        deadline_ms=30_000,
        buy_now=True,
    )
    after = given(WITH_BUY_NOW, bid("alice", max_=3000), buy("bob"))
    assert (after.status, after.winner_id, after.sold_price_cents) == ("closed", "bob", 5000)
    # The displayed high bid stays what bidding reached.
    assert after.price_cents == 1000


def test_nothing_happens_after_a_buy_now() -> None:
    state = given(WITH_BUY_NOW, buy("bob"))
    assert only(decide(state, bid("alice", 6000))).reason is RejectionReason.AUCTION_CLOSED
    assert only(decide(state, buy("carol"))).reason is RejectionReason.AUCTION_CLOSED
    assert decide(state, CloseAuction("close", AUCTION_ID, 30_000)) == []
    assert decide(state, VoidAuction("void", AUCTION_ID, "admin", "r", 3_000)) == []


def test_buy_now_is_available_until_bidding_reaches_its_price() -> None:
    below = given(WITH_BUY_NOW, bid("alice", 4900))
    assert isinstance(only(decide(below, buy("bob"))), AuctionClosed)
    at_price = given(WITH_BUY_NOW, bid("alice", 5000))
    refused = only(decide(at_price, buy("bob")))
    assert isinstance(refused, BidRejected)
    assert (refused.reason, refused.bidder_id, refused.amount_cents) == (
        RejectionReason.BUY_NOW_UNAVAILABLE,
        "bob",
        5000,
    )


def test_the_leader_may_buy_it_now_too() -> None:
    state = given(WITH_BUY_NOW, bid("alice", max_=9000))
    assert only(decide(state, buy("alice"))).winner_id == "alice"


def test_no_buy_now_price_means_no_buy_now() -> None:
    refused = only(decide(given(open_auction()), buy("bob")))
    assert refused.reason is RejectionReason.BUY_NOW_UNAVAILABLE


def test_buy_now_follows_the_bidding_eligibility_rules() -> None:
    state = given(WITH_BUY_NOW)
    assert only(decide(state, buy(SELLER_ID))).reason is RejectionReason.SELLER_CANNOT_BID
    assert only(decide(None, buy("bob"))).reason is RejectionReason.AUCTION_NOT_FOUND
    assert only(decide(state, buy("bob", at=30_001))).reason is RejectionReason.AUCTION_CLOSED
    verified_only = given(open_auction(buy_now_price_cents=5000, require_verified_buyers=True))
    assert only(decide(verified_only, buy("bob"))).reason is RejectionReason.NOT_ELIGIBLE
    assert only(decide(verified_only, buy("bob", verified=True))).buy_now


def test_buy_now_counts_against_a_spending_limit() -> None:
    state = given(WITH_BUY_NOW)
    over = buy("bob", limit=10_000, owed=5_001)
    assert only(decide(state, over)).reason is RejectionReason.OVER_LIMIT
    assert only(decide(state, buy("bob", limit=10_000, owed=5_000))).buy_now


def test_a_buy_now_price_below_the_starting_price_is_refused_at_opening() -> None:
    with pytest.raises(InvalidCommand):
        decide(None, open_auction(buy_now_price_cents=999))
