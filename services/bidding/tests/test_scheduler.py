"""The deadline scheduler: when to ask for a close, and asking again if it came too early."""

from livebid_bidding.scheduler import RETRY_MS, Deadlines, closing_command


def test_a_due_deadline_is_asked_for_once_then_again_until_seen_ended() -> None:
    deadlines = Deadlines()
    open_until: dict[str, int] = {"a1": 1000}

    def still_due(kind: str, aggregate: str, partition: int, deadline: int) -> bool:
        return open_until.get(aggregate) == deadline

    deadlines.watch(1000, "auction", "a1", 0)
    deadlines.watch(1000, "auction", "a1", 0)  # every bid re-watches: no duplicate asks
    assert deadlines.due(999, still_due) == []
    assert deadlines.due(1000, still_due) == [(1000, "auction", "a1", 0, 0)]
    assert deadlines.due(1000 + RETRY_MS - 1, still_due) == []
    # The close was stamped early and ignored: still open, so it is asked for again.
    assert deadlines.due(1000 + RETRY_MS, still_due) == [(1000, "auction", "a1", 0, 1)]
    del open_until["a1"]  # now closed
    assert deadlines.due(1000 + 3 * RETRY_MS, still_due) == []


def test_retries_get_their_own_command_ids() -> None:
    first, _ = closing_command("auction", "a1", 1000)
    again, _ = closing_command("auction", "a1", 1000, attempt=1)
    assert first == "close:a1:1000" and again == "close:a1:1000:1"
    draw, message = closing_command("giveaway", "g1", 5000)
    assert draw == "draw:g1:5000" and len(message.seed) == 32  # type: ignore[attr-defined]
