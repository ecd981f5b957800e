"""Following a seller: given events, when a command, then events; and the same on the wire."""

from __future__ import annotations

import pytest
from livebid.catalog.internal.v1 import write_side_pb2 as internal

from livebid_catalog.domain.follows import (
    CannotFollowSelf,
    Followers,
    FollowSeller,
    SellerFollowed,
    SellerUnfollowed,
    UnfollowSeller,
    decide,
    evolve,
)
from livebid_catalog.follows_codec import public_events
from livebid_catalog.write_side import CATALOG

FOLLOWED = SellerFollowed("seller-1", "ann", 1_000)


def given(*events: SellerFollowed | SellerUnfollowed) -> Followers | None:
    state = None
    for event in events:
        state = evolve(state, event)
    return state


def test_a_buyer_follows_a_seller() -> None:
    assert decide(None, FollowSeller("seller-1", "ann", 1_000)) == [FOLLOWED]


def test_following_again_changes_nothing() -> None:
    assert decide(given(FOLLOWED), FollowSeller("seller-1", "ann", 2_000)) == []


def test_unfollowing_removes_the_buyer_and_a_second_unfollow_changes_nothing() -> None:
    [unfollowed] = decide(given(FOLLOWED), UnfollowSeller("seller-1", "ann", 2_000))
    assert unfollowed == SellerUnfollowed("seller-1", "ann", 2_000)
    state = given(FOLLOWED, unfollowed)
    assert state is not None and state.buyer_ids == frozenset()
    assert decide(state, UnfollowSeller("seller-1", "ann", 3_000)) == []


def test_a_seller_cannot_follow_themselves() -> None:
    with pytest.raises(CannotFollowSelf):
        decide(None, FollowSeller("seller-1", "seller-1", 1_000))


def test_a_follow_without_a_buyer_is_malformed() -> None:
    with pytest.raises(ValueError, match="required"):
        decide(None, FollowSeller("seller-1", "", 1_000))


def test_follows_round_trip_and_are_published_keyed_by_seller() -> None:
    decider, event = CATALOG.event(
        internal.SellerFollowed(seller_id="seller-1", buyer_id="ann", at_ms=1_000)
    )
    assert event == FOLLOWED
    assert decider.aggregate_id(event) == "seller-1"
    [public] = public_events(FOLLOWED, Followers("seller-1", frozenset({"ann"})))
    assert (type(public).__name__, public.buyer_id, public.at_ms) == (
        "SellerFollowed",
        "ann",
        1_000,
    )
    _, command = CATALOG.command(internal.FollowSeller(seller_id="seller-1", buyer_id="ann"), 5)
    assert command == FollowSeller("seller-1", "ann", 5)
