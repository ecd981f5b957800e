"""The processor's per-partition fold, as used when it rebuilds from the private log."""

from livebid_bidding.domain.events import BidRejected, RejectionReason
from livebid_bidding.partition import PartitionState


def test_a_refusal_for_an_unknown_auction_creates_no_state() -> None:
    part = PartitionState()
    refused = BidRejected("ghost", "bid:x:1", "x", 100, 5, RejectionReason.AUCTION_NOT_FOUND, 0)
    assert part.apply(refused) is None
    assert part.states == {}
    assert "bid:x:1" in part.seen_commands  # a retry is still recognised
