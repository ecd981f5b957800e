"""The deadline scheduler: when to ask for an end, and asking again if it came too early."""

from livebid_bidding.write_side import AUCTIONS, GIVEAWAYS
from livebid_platform.writeside.deadlines import RETRY_MS, Deadlines, Due


def test_a_due_deadline_is_asked_for_once_then_again_until_seen_ended() -> None:
    deadlines = Deadlines()
    open_until: dict[str, int] = {"a1": 1000}

    def still_due(decider: str, aggregate: str, partition: int, deadline: int) -> bool:
        return open_until.get(aggregate) == deadline

    deadlines.watch(1000, "auction", "a1", 0)
    deadlines.watch(1000, "auction", "a1", 0)  # every bid re-watches: no duplicate asks
    assert deadlines.due(999, still_due) == []
    assert deadlines.due(1000, still_due) == [Due(1000, "auction", "a1", 0, 0)]
    assert deadlines.due(1000 + RETRY_MS - 1, still_due) == []
    # The close was stamped early and ignored: still open, so it is asked for again.
    assert deadlines.due(1000 + RETRY_MS, still_due) == [Due(1000, "auction", "a1", 0, 1)]
    del open_until["a1"]  # now closed
    assert deadlines.due(1000 + 3 * RETRY_MS, still_due) == []


def test_retries_get_their_own_command_ids() -> None:
    first, again = Due(1000, "auction", "a1", 0, 0), Due(1000, "auction", "a1", 0, 1)
    assert first.command_id == "auction-deadline:a1:1000"
    assert again.command_id == "auction-deadline:a1:1000:1"
    close = AUCTIONS.on_deadline("a1", first.command_id)  # type: ignore[misc]
    assert close.auction_id == "a1" and close.command_id == first.command_id
    draw = GIVEAWAYS.on_deadline("g1", "giveaway-deadline:g1:5000")  # type: ignore[misc]
    assert len(draw.seed) == 32 and draw.giveaway_id == "g1"
