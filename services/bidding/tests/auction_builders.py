"""Builders for the auction tests: commands with sensible defaults, and given/when helpers.

The module name is unique across the workspace because pytest puts each tests folder on
sys.path (rootdir-relative "prepend" import mode).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import count
from typing import Any

from livebid_bidding.domain.auction import Auction, decide, evolve
from livebid_bidding.domain.commands import Command, Format, OpenAuction, PlaceBid
from livebid_bidding.domain.events import Event

AUCTION_ID = "auction-1"
SELLER_ID = "seller"

# Whatnot table: $1 steps below $20, $2 steps from $20 to $100. Start at $10, a 30 s timer
# that resets to 10 s on a late bid.
OPEN = OpenAuction(
    command_id="open-1",
    auction_id=AUCTION_ID,
    listing_id="listing-1",
    show_id="show-1",
    seller_id=SELLER_ID,
    format=Format.STANDARD,
    starting_price_cents=1000,
    currency="USD",
    duration_ms=30_000,
    counter_time_ms=10_000,
    increment_table="whatnot-v1",
    at_ms=0,
)

_ids = count(1)


def open_auction(**changes: Any) -> OpenAuction:
    return replace(OPEN, **changes)


def bid(bidder: str, amount: int = 0, max_: int = 0, at: int = 1_000, **changes: Any) -> PlaceBid:
    """A bid with a fresh command id; `max_` is the private maximum (0: none)."""
    return PlaceBid(
        command_id=changes.pop("command_id", f"bid-{next(_ids)}"),
        auction_id=changes.pop("auction_id", AUCTION_ID),
        bidder_id=bidder,
        amount_cents=amount,
        at_ms=at,
        max_amount_cents=max_,
        **changes,
    )


def given(*commands: Command) -> Auction:
    """The state after the events that `commands` produced, decided one after another."""
    state: Auction | None = None
    for command in commands:
        for event in decide(state, command):
            state = evolve(state, event)
    assert state is not None
    return state


def only(events: list[Event]) -> Any:
    """The single event of a decision (typed Any so tests can read its fields)."""
    assert len(events) == 1, events
    return events[0]
