"""A retried command (same command id) has no second effect."""

from __future__ import annotations

from auction_builders import AUCTION_ID, OPEN, bid, given, only

from livebid_bidding.domain.auction import decide, fold
from livebid_bidding.domain.commands import CloseAuction, Command
from livebid_bidding.domain.events import BidAccepted, BidRejected, Event
from livebid_bidding.domain.idempotency import SeenCommands, decide_once


def history(*commands: Command) -> list[Event]:
    events: list[Event] = []
    for command in commands:
        events += decide_once(decide, fold(events), SeenCommands.of(events), command)
    return events


def test_a_retried_accepted_bid_has_no_second_effect() -> None:
    first = bid("alice", 1000, command_id="key-1")
    retry = bid("alice", 1000, command_id="key-1", at=2_000)
    events = history(OPEN, first, retry)
    assert [type(e) for e in events[1:]] == [BidAccepted]
    # Without the guard the retry would get a second, different answer (BELOW_MINIMUM:
    # a leader may not repeat their own maximum).
    assert isinstance(only(decide(fold(events), retry)), BidRejected)
    assert fold(events) == given(OPEN, first)


def test_a_retried_rejected_bid_keeps_its_first_answer() -> None:
    events = history(OPEN, bid("alice", 500, command_id="k"), bid("alice", 5000, command_id="k"))
    assert [type(e) for e in events[1:]] == [BidRejected]


def test_retry_after_being_outbid_is_not_a_new_bid() -> None:
    first = bid("alice", max_=2000, command_id="alice-1")
    retry = bid("alice", max_=2000, command_id="alice-1")
    events = history(OPEN, first, bid("bob", max_=3000), retry)
    state = fold(events)
    assert state is not None and state.leader_id == "bob" and state.bid_count == 2


def test_seen_commands_fold_from_the_events() -> None:
    events = history(OPEN, bid("alice", 1000, command_id="a"), bid("bob", 500, command_id="b"))
    seen = SeenCommands()
    for event in events:
        seen = seen.evolve(event)
    assert seen == SeenCommands.of(events) == SeenCommands(frozenset({OPEN.command_id, "a", "b"}))
    assert "a" in seen and "c" not in seen


def test_a_command_that_had_no_effect_may_be_decided_again() -> None:
    # A stale close (before the deadline) produced nothing, so when the same close command
    # is appended again after the deadline it closes the auction: that is its first effect.
    stale = CloseAuction("close-x", AUCTION_ID, 10_000)
    events = history(OPEN, bid("alice", 1000), stale)
    assert "close-x" not in SeenCommands.of(events)
    again = CloseAuction("close-x", AUCTION_ID, 30_000)
    closed = only(decide_once(decide, fold(events), SeenCommands.of(events), again))
    assert closed.winner_id == "alice"
