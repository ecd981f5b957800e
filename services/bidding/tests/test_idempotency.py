"""A retried command (same command id) has no second effect: the runtime's own deduplication,
as the processor runs it, including after a rebuild from the private log."""

from __future__ import annotations

from auction_builders import AUCTION_ID, OPEN, bid, given, only

from livebid_bidding.domain.auction import decide, fold
from livebid_bidding.domain.commands import CloseAuction, Command
from livebid_bidding.domain.events import BidAccepted, BidRejected, Event
from livebid_bidding.write_side import AUCTIONS, BIDDING
from livebid_platform.envelope import envelope
from livebid_platform.writeside.partition import PartitionState, decide_command


def history(*commands: Command, part: PartitionState | None = None) -> list[Event]:
    part = part if part is not None else PartitionState()
    events: list[Event] = []
    for command in commands:
        events += [e for e, _ in decide_command(part, AUCTIONS, command, command.command_id)]
    return events


def rebuilt(events: list[Event], command_ids: list[str]) -> PartitionState:
    """A partition rebuilt from private records, as the processor does on assignment."""
    part = PartitionState()
    for event, command_id in zip(events, command_ids, strict=True):
        message = AUCTIONS.codec.event_to_proto(event)
        env = envelope(message, event_id="e", source="t", subject=AUCTION_ID, time_ms=0,
                       causation_id=command_id)  # fmt: skip
        part.apply_private(BIDDING, env)
    return part


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


def test_a_rebuilt_partition_still_knows_the_decided_commands() -> None:
    first = bid("alice", 1000, command_id="a")
    events = history(OPEN, first, bid("bob", 500, command_id="b"))
    part = rebuilt(events, [OPEN.command_id, "a", "b"])
    assert part.decided == {OPEN.command_id, "a", "b"}
    assert part.state(AUCTIONS, AUCTION_ID) == fold(events)
    assert history(bid("alice", 1000, command_id="a", at=3_000), part=part) == []


def test_a_command_that_had_no_effect_is_decided_and_a_later_ask_needs_a_new_id() -> None:
    # A stale close (before the deadline) changes nothing, and is recorded as decided, so
    # its retry changes nothing either; the scheduler asks again with a new command id.
    part = PartitionState()
    history(OPEN, bid("alice", 1000), part=part)
    assert history(CloseAuction("close-x", AUCTION_ID, 10_000), part=part) == []
    assert "close-x" in part.decided
    assert history(CloseAuction("close-x", AUCTION_ID, 30_000), part=part) == []
    closed = only(history(CloseAuction("close-x:1", AUCTION_ID, 30_000), part=part))
    assert closed.winner_id == "alice"
