"""Contention through the real stack: the public HTTP API, gRPC, Kafka, the processor."""

from __future__ import annotations

import asyncio
import random
import time
import uuid

import httpx
import pytest

from livebid_devtools.devstack import DevStack
from livebid_edge.auth import issue
from livebid_sim.client import EdgeClient

pytestmark = pytest.mark.integration


def client(http: httpx.AsyncClient, stack: DevStack, user: str, roles: list[str]) -> EdgeClient:
    return EdgeClient(http, user, issue(stack.token_secret, user, roles, verified=True))


async def sold_out_race(stack: DevStack) -> tuple[list[dict], list[dict], str]:  # type: ignore[type-arg]
    limits = httpx.Limits(max_connections=200)
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=60, limits=limits) as http:
        seller = client(http, stack, f"seller-{uuid.uuid4().hex[:6]}", ["seller"])
        show = await seller.write("/v1/shows", {"title": "flash sale crush"})
        socks = await seller.write(
            f"/v1/shows/{show['show_id']}/listings",
            {"title": "Socks", "quantity": 10, "starting_price_cents": 1200},
        )
        await seller.write(f"/v1/shows/{show['show_id']}/start")
        sale = await seller.write(
            f"/v1/shows/{show['show_id']}/flash-sales",
            {
                "listing_id": socks["listing_id"],
                "price_cents": 500,
                "list_price_cents": 1200,
                "quantity": 10,
                "per_buyer_limit": 1,
                "duration_ms": 120_000,
            },
        )
        buyers = [client(http, stack, f"fan{i:04d}", ["buyer"]) for i in range(1000)]
        answers = await asyncio.gather(
            *(
                b.write(f"/v1/flash-sales/{sale['sale_id']}/purchases", {"quantity": 1})
                for b in buyers
            )
        )
        orders: list[dict] = []  # type: ignore[type-arg]
        for _ in range(100):
            orders = (await seller.call("GET", f"/v1/shows/{show['show_id']}/orders"))["orders"]
            if len(orders) >= 10:
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)  # a late extra order would show up now
        orders = (await seller.call("GET", f"/v1/shows/{show['show_id']}/orders"))["orders"]
        return answers, orders, sale["sale_id"]


def test_thousand_buyers_ten_units(platform: DevStack, report) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    answers, orders, _ = asyncio.run(sold_out_race(platform))
    accepted = [a for a in answers if a["status"] == "accepted"]
    rejected = [a for a in answers if a["status"] == "rejected"]
    report(
        f"flash sale: 1000 buyers -> {len(accepted)} sales, {len(rejected)} sold-out answers, "
        f"{len(orders)} orders in {time.monotonic() - started:.1f}s"
    )
    assert len(accepted) == 10 and len(rejected) == 990
    assert {a["reason"] for a in rejected} == {"sold_out"}
    assert len(orders) == 10
    assert len({o["buyer_id"] for o in orders}) == 10


async def last_second_scramble(stack: DevStack) -> tuple[list[tuple[str, int, dict]], dict]:  # type: ignore[type-arg]
    async with httpx.AsyncClient(
        base_url=stack.edge_url, timeout=60, limits=httpx.Limits(max_connections=100)
    ) as http:
        seller = client(http, stack, f"seller-{uuid.uuid4().hex[:6]}", ["seller"])
        show = (await seller.write("/v1/shows", {"title": "last second"}))["show_id"]
        listing = (
            await seller.write(
                f"/v1/shows/{show}/listings",
                {"title": "Grail sneakers", "starting_price_cents": 1000},
            )
        )["listing_id"]
        await seller.write(f"/v1/shows/{show}/start")
        auction = await seller.write(
            f"/v1/listings/{listing}/auction",
            {"format": "standard", "duration_ms": 3000, "counter_time_ms": 1000},
        )
        auction_id = auction["auction_id"]
        bidders = [client(http, stack, f"hammer{i:03d}", ["buyer"]) for i in range(100)]
        await asyncio.sleep(max(0.0, (auction["deadline_ms"] - 900) / 1000 - time.time()))
        rng = random.Random(3)
        amounts = rng.sample(range(1000, 60_000, 100), 100)  # distinct custom amounts

        async def hammer(i: int) -> tuple[str, int, dict]:  # type: ignore[type-arg]
            await asyncio.sleep(rng.uniform(0, 0.8))
            return bidders[i].user_id, amounts[i], await bidders[i].bid(auction_id, amounts[i])

        answers = await asyncio.gather(*(hammer(i) for i in range(100)))
        for _ in range(100):
            final = await seller.auction(auction_id)
            if final["status"] != "open":
                break
            await asyncio.sleep(0.1)
        return answers, final


def test_hundred_bidders_in_the_last_second(platform: DevStack, report) -> None:  # type: ignore[no-untyped-def]
    answers, final = asyncio.run(last_second_scramble(platform))
    accepted = [(who, amount, a) for who, amount, a in answers if a["status"] == "accepted"]
    rejected = [a for _, _, a in answers if a["status"] == "rejected"]
    report(
        f"last second: {len(accepted)} accepted, {len(rejected)} rejected "
        f"({sorted({a['reason'] for a in rejected})}); winner {final['winner_id']} "
        f"at {final['price']['amount_cents']}"
    )
    assert len(accepted) + len(rejected) == 100  # every bid got a definitive answer
    assert {a["reason"] for a in rejected} <= {"below_minimum", "auction_closed"}
    assert final["status"] == "closed" and final["bid_count"] == len(accepted)
    best_who, best_amount, _ = max(accepted, key=lambda x: x[1])
    assert final["winner_id"] == best_who and final["price"]["amount_cents"] == best_amount
    # Every accepted bid was at or above the minimum it saw, and got the lead at once.
    assert all(a["leading"] and a["price"]["amount_cents"] == amount for _, amount, a in accepted)
