"""Simulated bidders. Each values the item privately and bids in its own style; all their
randomness comes from one seeded generator, so a rehearsal can be re-run the same way."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass

from livebid_sim.client import ApiError, EdgeClient


@dataclass
class Bidder:
    client: EdgeClient
    style: str  # "proxy": one early max bid; "eager": min bids when outbid; "sniper": late
    rng: random.Random

    async def take_part(self, auction_id: str, value_cents: int) -> int:
        """Bid on one auction until it closes or passes our value; returns bids placed."""
        placed = 0
        if self.style == "proxy":
            await asyncio.sleep(self.rng.uniform(0.2, 2.0))
            placed += await self._try(auction_id, max_cents=value_cents)
        while True:
            try:
                view = await self.client.auction(auction_id)
            except ApiError:
                return placed
            if view["status"] != "open":
                return placed
            left_ms = view["deadline_ms"] - time.time() * 1000
            nxt = view["min_next_bid_cents"]
            leading = view["leader_id"] == self.client.user_id
            wants = not leading and nxt <= value_cents
            if (self.style == "eager" and wants) or (
                self.style == "sniper" and wants and left_ms < 1500
            ):
                placed += await self._try(auction_id, amount_cents=nxt)
            await asyncio.sleep(self.rng.uniform(0.15, 0.6))

    async def _try(self, auction_id: str, amount_cents: int = 0, max_cents: int = 0) -> int:
        try:
            await self.client.bid(auction_id, amount_cents, max_cents)
        except ApiError:
            return 0  # a transient failure: the bidder just tries again later
        return 1
