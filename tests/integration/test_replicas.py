"""Every writer and every API with two replicas sharing partitions, through a live show,
disrupted twice while bidders keep bidding:

- one replica of each (catalog, bidding processor, bidding API, orders) is killed with
  SIGKILL in the middle of the auctions; the survivors take over;
- a rolling restart: every process of every service, one at a time, is stopped with SIGTERM
  (it must exit cleanly within its grace period) and started again, as a deploy does.

Either way no accepted bid is lost, no order is made twice, every auction closes within
its bound, and afterwards a new auction runs end to end on the rebalanced replicas."""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from livebid.bidding.v1 import flash_sales_pb2, giveaways_pb2, public_events_pb2

from livebid_devtools.devstack import SERVICES, DevStack
from livebid_platform.consumer import read_to_end
from livebid_platform.envelope import decode
from livebid_platform.topics import BIDDING_EVENTS
from livebid_platform.writeside.processor import SESSION_TIMEOUT_MS
from livebid_sim.client import ApiError, EdgeClient
from tests.integration.live_show import user

pytestmark = pytest.mark.integration
_CONTRACTS = (flash_sales_pb2, giveaways_pb2)  # imported so every type on the topic decodes

REPLICATED = ("catalog", "bidding-processor", "bidding-api", "orders")
AUCTIONS = 6
# A close on a dead processor's partition waits for the group to move it: the session
# timeout, the survivor's rebuild and one tick; the margin is for a loaded 2-core machine.
CLOSE_BOUND_MS = SESSION_TIMEOUT_MS + 6_000
# Kubernetes' terminationGracePeriodSeconds for our pods is 30 s; locally a clean stop
# must take well under that (DevStack kills a process after this long).
GRACE_S = 10.0
Disruption = Callable[[DevStack], Awaitable[str]]


@pytest.fixture(scope="module")
def replicated(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    stack = DevStack(
        kafka_bootstrap,
        Path(tmp_path_factory.mktemp("replicas-logs")),
        replicas=dict.fromkeys(REPLICATED, 2),
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop_all()


async def answered(call: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Retry a call with the same idempotency key until it gets a definitive answer: a
    replica that died mid-call answers 502/503, and a retry must have no second effect."""
    give_up = time.monotonic() + 60
    while True:
        try:
            result: dict[str, Any] = await call(*args, **kwargs)
            return result
        except (ApiError, httpx.TransportError) as exc:
            status = getattr(exc, "status", 503)
            if status not in (502, 503, 504) or time.monotonic() > give_up:
                raise
            await asyncio.sleep(0.3)


async def ends(bootstrap: str, auction_ids: set[str]) -> dict[str, Any]:
    """Each auction's AuctionEnded; no public event of these auctions appears twice."""
    found: dict[str, Any] = {}
    ids: list[str] = []
    async for record in read_to_end(bootstrap, BIDDING_EVENTS.name):
        env = decode(record.value, record.headers)
        if env.subject not in auction_ids:
            continue
        ids.append(env.event_id)
        if isinstance(env.message, public_events_pb2.AuctionEnded):
            assert env.subject not in found, f"{env.subject} ended twice"
            found[env.subject] = env.message
    assert len(ids) == len(set(ids)), "a public event was written twice"
    return found


async def kill_one_replica_of_each(stack: DevStack) -> str:
    await asyncio.sleep(3)
    for name in REPLICATED:  # one replica of every writer and API dies mid-auction
        stack.kill(name, replica=1)
    await asyncio.sleep(SESSION_TIMEOUT_MS / 1000 + 2)  # the survivors take over
    return "one of each SIGKILLed mid-show"


async def rolling_restart(stack: DevStack) -> str:
    await asyncio.sleep(2)
    took = []
    for spec in SERVICES:
        for replica in range(stack.replica_count(spec.name)):
            started = time.monotonic()
            code = await asyncio.to_thread(stack.stop, spec.name, replica, GRACE_S)
            took.append(time.monotonic() - started)
            assert code == 0, f"{spec.name}#{replica} exited {code} on SIGTERM"
            await asyncio.to_thread(stack.start, spec.name, replica)
    return (
        f"rolling restart of all {len(took)} processes (SIGTERM, clean exit in at most "
        f"{max(took):.1f} s, bound {GRACE_S:.0f} s)"
    )


async def show_under_fire(stack: DevStack, report: Any, disrupt: Disruption) -> None:
    run = uuid.uuid4().hex[:6]
    rng = random.Random(run)
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
        seller = user(http, stack, f"seller-{run}", ["seller"])
        bidders = [user(http, stack, f"b{i}-{run}", ["buyer"]) for i in range(8)]
        write = seller.call
        show = (await answered(write, "POST", "/v1/shows", {"title": "replicas"}, f"s-{run}"))[
            "show_id"
        ]
        listings = []
        for i in range(AUCTIONS):
            body = {"title": f"item {i}", "starting_price_cents": 1000}
            reply = await answered(write, "POST", f"/v1/shows/{show}/listings", body, f"l{i}-{run}")
            listings.append(reply["listing_id"])
        await answered(write, "POST", f"/v1/shows/{show}/start")
        auctions = []
        for i, listing in enumerate(listings):
            terms = {"format": "standard", "duration_ms": 16_000, "counter_time_ms": 3_000}
            path = f"/v1/listings/{listing}/auction"
            auctions.append(
                (await answered(write, "POST", path, terms, f"a{i}-{run}"))["auction_id"]
            )

        accepted: dict[str, set[str]] = {a: set() for a in auctions}  # auction -> bid keys
        offers: dict[str, int] = dict.fromkeys(auctions, 1000)

        async def bidder_loop(bidder: EdgeClient, stop_at: Callable[[], float]) -> None:
            while time.monotonic() < stop_at():
                auction = rng.choice(auctions)
                key = uuid.uuid4().hex
                offers[auction] += 100
                answer = await answered(bidder.bid, auction, offers[auction], key=key)
                if answer["status"] == "accepted":
                    accepted[auction].add(key)
                await asyncio.sleep(rng.uniform(0.05, 0.3))

        stop_bidding = time.monotonic() + 600  # moved up once the disruption is over
        bidding = asyncio.gather(*(bidder_loop(b, lambda: stop_bidding) for b in bidders))
        what = await disrupt(stack)
        stop_bidding = time.monotonic() + 2
        await bidding

        final: dict[str, dict[str, Any]] = {}
        give_up = time.monotonic() + 90
        while len(final) < len(auctions) and time.monotonic() < give_up:
            for auction in auctions:
                view = await answered(seller.auction, auction)
                if view["status"] != "open":
                    final[auction] = view
            await asyncio.sleep(0.5)
        assert len(final) == len(auctions), "every auction closed"
        for auction, view in final.items():  # no accepted bid was lost, none counted twice
            assert view["bid_count"] == len(accepted[auction]), auction
        ended = await ends(stack.bootstrap, set(auctions))
        lateness = sorted(m.closed_at_ms - m.deadline_ms for m in ended.values())
        assert len(ended) == len(auctions) and max(lateness) <= CLOSE_BOUND_MS, lateness

        for name in REPLICATED:  # back under the same names: partitions rebalance to them
            if not stack.serving(name, 1):
                await asyncio.to_thread(stack.start, name, 1)
        await asyncio.sleep(1)

        sold = {a: v for a, v in final.items() if v["winner_id"]}
        by_winner: dict[str, list[str]] = {}
        for auction, view in sold.items():
            by_winner.setdefault(view["winner_id"], []).append(auction)
        clients = {b.user_id: b for b in bidders}
        for winner, won in by_winner.items():
            orders: list[dict[str, Any]] = []
            for _ in range(60):
                orders = (await answered(clients[winner].call, "GET", "/v1/me/orders"))["orders"]
                if len(orders) >= len(won):
                    break
                await asyncio.sleep(0.5)
            assert sorted(o["auction_id"] for o in orders) == sorted(won), winner

        # After the restart, a new auction on the rebalanced replicas runs end to end.
        body = {"title": "after", "starting_price_cents": 500}
        listing = await answered(write, "POST", f"/v1/shows/{show}/listings", body, f"x-{run}")
        terms = {"format": "sudden_death", "duration_ms": 2_000}
        path = f"/v1/listings/{listing['listing_id']}/auction"
        after = (await answered(write, "POST", path, terms, f"ax-{run}"))["auction_id"]
        assert (await answered(bidders[0].bid, after, 500))["status"] == "accepted"
        view: dict[str, Any] = {}
        for _ in range(CLOSE_BOUND_MS // 200):
            view = await answered(seller.auction, after)
            if view["status"] != "open":
                break
            await asyncio.sleep(0.2)
        assert view["winner_id"] == bidders[0].user_id, view
        # The catalog learns of every end (the sale-ends policy moved to the survivor too).
        sold_listings = {
            li for li, a in zip(listings, auctions, strict=True) if final[a]["winner_id"]
        }
        statuses: dict[str, str] = {}
        for _ in range(60):
            view = await answered(seller.call, "GET", f"/v1/shows/{show}")
            statuses = {li["listing_id"]: li["status"] for li in view["listings"]}
            if all(statuses[li] == "sold" for li in sold_listings):
                break
            await asyncio.sleep(0.5)
        assert all(statuses[li] == "sold" for li in sold_listings), statuses

    bids = sum(len(keys) for keys in accepted.values())
    report(
        f"replicas: 2 of each writer/API, {what}: {bids} accepted bids "
        f"kept, {len(sold)} orders once each, close lateness ms min/max "
        f"{lateness[0]}/{lateness[-1]} (bound {CLOSE_BOUND_MS})"
    )


def test_two_replicas_of_every_writer_survive_a_kill_mid_show(
    replicated: DevStack, report: Any
) -> None:
    asyncio.run(show_under_fire(replicated, report, kill_one_replica_of_each))


def test_a_rolling_restart_of_every_process_loses_no_bid(replicated: DevStack, report: Any) -> None:
    asyncio.run(show_under_fire(replicated, report, rolling_restart))
