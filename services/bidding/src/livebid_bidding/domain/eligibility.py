"""Buyer limits that are not about the price: bid rate and new buyers' spending limit.

Pure functions over data that the auction keeps (recent bids) or the command carries
(limit and commitments, looked up by the caller), so a replay decides the same.
"""

from __future__ import annotations

# (bidder id, log time) of the bids still inside the rate window, oldest first.
RecentBids = tuple[tuple[str, int], ...]


def bids_in_window(recent: RecentBids, bidder_id: str, at_ms: int, window_ms: int) -> int:
    """How many bids `bidder_id` made in the rolling window (at_ms - window_ms, at_ms]."""
    return sum(1 for who, when in recent if who == bidder_id and when > at_ms - window_ms)


def note_bid(recent: RecentBids, bidder_id: str, at_ms: int, window_ms: int) -> RecentBids:
    """`recent` with this bid added and those that fell out of the window dropped."""
    kept = tuple((who, when) for who, when in recent if when > at_ms - window_ms)
    return (*kept, (bidder_id, at_ms))


def over_spending_limit(limit_cents: int, commitments_cents: int, amount_cents: int) -> bool:
    """Whether committing `amount_cents` more would exceed the limit (0: no limit)."""
    return limit_cents > 0 and commitments_cents + amount_cents > limit_cents
