"""One live auction end to end over a real broker: a seller lists and runs it, bidders bid
(late bids extend it), the winner gets an order, and WebSocket clients see it all. Then the
bidding processor is killed mid-auction and restarted: nothing accepted is lost."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from livebid_devtools.devstack import DevStack
from livebid_sim.client import EdgeClient
from tests.integration.live_show import user

pytestmark = pytest.mark.integration


async def collect(url: str, into: list[dict[str, Any]], ready: asyncio.Event) -> None:
    async with connect(url) as ws:
        ready.set()
        async for message in ws:
            into.append(json.loads(message))


async def wait_closed(client: EdgeClient, auction_id: str, timeout_s: float = 30) -> dict[str, Any]:
    give_up = time.monotonic() + timeout_s
    while time.monotonic() < give_up:
        view = await client.auction(auction_id)
        if view["status"] != "open":
            return view
        await asyncio.sleep(0.1)
    raise AssertionError("the auction did not close")


async def until(check: Any, timeout_s: float = 15) -> None:
    """Wait until `check()` holds (an asynchronous effect), failing after `timeout_s`."""
    give_up = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > give_up:
            raise AssertionError("an expected asynchronous effect did not happen in time")
        await asyncio.sleep(0.1)


async def inbox_until(client: EdgeClient, kind: str, timeout_s: float = 15) -> list[Any]:
    """The user's inbox, once it holds a notification of `kind`."""
    give_up = time.monotonic() + timeout_s
    while True:
        inbox = (await client.call("GET", "/v1/me/notifications?after=0"))["notifications"]
        if any(n["kind"] == kind for n in inbox) or time.monotonic() > give_up:
            return list(inbox)
        await asyncio.sleep(0.2)


async def orders_of(client: EdgeClient, expect: int, timeout_s: float = 15) -> list[dict[str, Any]]:
    give_up = time.monotonic() + timeout_s
    orders: list[dict[str, Any]] = []
    while time.monotonic() < give_up:
        orders = (await client.call("GET", "/v1/me/orders"))["orders"]
        if len(orders) >= expect:
            break
        await asyncio.sleep(0.2)
    return orders


async def show_with_listing(seller: EdgeClient, title: str) -> tuple[str, str]:
    show = (await seller.write("/v1/shows", {"title": title}))["show_id"]
    listing = (
        await seller.write(
            f"/v1/shows/{show}/listings",
            {
                "title": "Vintage denim jacket",
                "brand": "Levi's",
                "size": "M",
                "condition": "good",
                "starting_price_cents": 1000,
            },
        )
    )["listing_id"]
    await seller.write(f"/v1/shows/{show}/start")
    return show, listing


async def full_flow(stack: DevStack) -> None:
    run = uuid.uuid4().hex[:6]
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
        seller = user(http, stack, f"seller-{run}", ["seller"])
        alice, bob, carol = (
            user(http, stack, f"{n}-{run}", ["buyer"]) for n in ("alice", "bob", "carol")
        )
        show, listing = await show_with_listing(seller, "full flow")
        ws_base = f"ws://{stack.addresses['notifications_http']}"
        feed: list[dict[str, Any]] = []
        inbox: list[dict[str, Any]] = []
        ready = [asyncio.Event(), asyncio.Event()]
        watchers = [
            asyncio.create_task(collect(f"{ws_base}/v1/shows/{show}/live", feed, ready[0])),
            asyncio.create_task(
                collect(
                    f"{ws_base}/v1/me/notifications?token={alice.token}&cursor=0", inbox, ready[1]
                )
            ),
        ]
        await asyncio.wait_for(asyncio.gather(*(r.wait() for r in ready)), 10)

        auction = await seller.write(
            f"/v1/listings/{listing}/auction",
            {"format": "standard", "duration_ms": 3000, "counter_time_ms": 2000},
        )
        auction_id, first_deadline = auction["auction_id"], auction["deadline_ms"]
        assert (await alice.bid(auction_id, 1000))["status"] == "accepted"
        low = await bob.bid(auction_id, 1000)
        assert low["status"] == "rejected" and low["reason"] == "below_minimum"
        assert low["min_next_bid_cents"] == 1100
        assert (await bob.bid(auction_id, 1200))["leading"]
        proxy = await alice.bid(auction_id, max_cents=3000)  # the platform bids for her
        assert proxy["leading"] and proxy["price"]["amount_cents"] == 1300
        assert "max_amount_cents" not in json.dumps(await bob.auction(auction_id))
        outbid_by_proxy = await bob.bid(auction_id, 2000)
        assert outbid_by_proxy["status"] == "accepted" and not outbid_by_proxy["leading"]
        assert outbid_by_proxy["price"]["amount_cents"] == 2200
        await asyncio.sleep(max(0.0, (first_deadline - 1000) / 1000 - time.time()))
        late = await carol.bid(auction_id, 5000)  # in the last second: extends
        assert late["leading"] and late["deadline_ms"] > first_deadline

        final = await wait_closed(seller, auction_id)
        assert final["status"] == "closed" and final["winner_id"] == carol.user_id
        assert (
            final["price"]["amount_cents"] == 5000 and final["deadline_ms"] == late["deadline_ms"]
        )
        (order,) = await orders_of(carol, 1)
        assert order["auction_id"] == auction_id and order["price"]["amount_cents"] == 5000
        assert await orders_of(alice, 0, timeout_s=0.5) == []

        # Notifications arrive asynchronously: poll until each expected one is there.
        carol_inbox = await inbox_until(carol, "NOTIFICATION_KIND_WON")
        await until(lambda: any(n.get("kind") == "outbid" for n in inbox))
        await until(lambda: any(m.get("auction_status") == "sold" for m in feed))
        for task in watchers:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    kinds = [n["kind"] for n in inbox if n.get("type") == "notification"]
    assert "outbid" in kinds and "won" not in kinds
    assert {n["kind"] for n in carol_inbox} >= {"NOTIFICATION_KIND_WON"}
    states = [m for m in feed if m.get("type") == "show_state"]
    assert [m["seq"] for m in states] == sorted(m["seq"] for m in states)
    # The feed sends whole states and may skip ones superseded within milliseconds, but
    # alice's proxy lead lasted until carol's late bid: every viewer saw it.
    assert any(m["leader_id"] == alice.user_id and m["price_cents"] >= 1300 for m in states)
    last = states[-1]
    assert last["auction_status"] == "sold" and last["winner_id"] == carol.user_id
    assert last["price_cents"] == 5000


def test_full_flow(platform: DevStack) -> None:
    asyncio.run(full_flow(platform))


async def crash_mid_auction(stack: DevStack) -> None:
    run = uuid.uuid4().hex[:6]
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
        seller = user(http, stack, f"seller-{run}", ["seller"])
        bidders = [user(http, stack, f"r{i}-{run}", ["buyer"]) for i in range(4)]
        _, listing = await show_with_listing(seller, "restart")
        auction = await seller.write(
            f"/v1/listings/{listing}/auction",
            {"format": "standard", "duration_ms": 12000, "counter_time_ms": 1000},
        )
        auction_id = auction["auction_id"]
        answers = [await bidders[0].bid(auction_id, 1000), await bidders[1].bid(auction_id, 1500)]

        stack.kill("bidding-processor")  # SIGKILL, mid-auction
        # Bids placed while no processor runs wait in the log for their decision.
        pending = [
            asyncio.create_task(bidders[2].bid(auction_id, 2000)),
            asyncio.create_task(bidders[3].bid(auction_id, max_cents=4000)),
        ]
        await asyncio.sleep(1.0)
        await asyncio.to_thread(stack.start, "bidding-processor")
        answers += await asyncio.gather(*pending)
        answers.append(await bidders[1].bid(auction_id, 2500))  # proxy outbids at once

        assert all(a["status"] == "accepted" for a in answers), [
            (a["status"], a["reason"], a["leader_id"], a["price"]) for a in answers
        ]
        final = await wait_closed(seller, auction_id)
        assert final["bid_count"] == len(answers)  # no accepted bid was lost
        assert final["winner_id"] == bidders[3].user_id and final["price"]["amount_cents"] == 2700
        (order,) = await orders_of(bidders[3], 1)
        await asyncio.sleep(2.0)
        assert len(await orders_of(bidders[3], 2, timeout_s=0.5)) == 1  # and never a second
        assert order["auction_id"] == auction_id


def test_processor_killed_mid_auction(platform: DevStack) -> None:
    asyncio.run(crash_mid_auction(platform))
