"""Replay all 628 real eBay auctions on the pure domain and compare with their outcomes."""

from livebid_bidding.domain.auction import Auction, decide, evolve
from livebid_bidding.domain.events import AuctionClosed
from livebid_devtools.ebay_dataset import (
    bid_commands,
    close_command,
    load_auctions,
    open_command,
)


def replay(recorded) -> AuctionClosed:
    state: Auction | None = None
    commands = [
        open_command(recorded, 0, recorded.duration_ms),
        *bid_commands(recorded, 0, 1.0),
        close_command(recorded, recorded.duration_ms),
    ]
    closed = None
    for command in commands:
        for event in decide(state, command):
            state = evolve(state, event)
            if isinstance(event, AuctionClosed):
                closed = event
    assert closed is not None
    return closed


def test_replay_matches_recorded_outcomes(report) -> None:  # type: ignore[no-untyped-def]
    auctions = load_auctions()
    reproducible = [a for a in auctions if a.reproducible]
    outcomes = {a.auction_id: replay(a) for a in auctions}
    exact = [
        a
        for a in reproducible
        if outcomes[a.auction_id].price_cents == a.expected_price_cents
        and outcomes[a.auction_id].winner_id == a.expected_winner
    ]
    winners = [a for a in auctions if outcomes[a.auction_id].winner_id == a.expected_winner]
    report(
        f"eBay replay (domain): price and winner exact {len(exact)}/{len(reproducible)} "
        f"reproducible; winner right {len(winners)}/{len(auctions)}"
    )
    assert len(auctions) == 628 and len(reproducible) == 594
    mismatched = sorted({a.auction_id for a in reproducible} - {a.auction_id for a in exact})
    assert not mismatched, f"{len(mismatched)} reproducible auctions differ: {mismatched[:10]}"
    assert len(winners) == 628
