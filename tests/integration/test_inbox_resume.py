"""Personal notifications over a real broker: a buyer follows a seller and is told when the
show starts, is outbid again and again, and reads it all over a WebSocket that drops twice
(once while the notifications service itself is killed and restarted) and reconnects with its
last cursor: every notification arrives once, in order, cursors 1, 2, 3 ... with no gap."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from livebid_devtools.devstack import DevStack
from livebid_sim.client import EdgeClient
from tests.integration.live_show import user

pytestmark = pytest.mark.integration

OUTBIDS = 9


async def read_until(url: str, into: list[dict[str, Any]], count: int) -> int:
    """Append notifications from one connection until `count` arrived in all; the last cursor."""
    async with connect(url, open_timeout=30) as ws:
        async for raw in ws:
            message = json.loads(raw)
            if message["type"] == "notification":
                into.append(message)
                if len(into) >= count:
                    break
    return int(into[-1]["cursor"]) if into else 0


async def outbid(ann: EdgeClient, bob: EdgeClient, auction_id: str, times: int) -> None:
    """Ann leads, Bob outbids her: one outbid notification for Ann per round."""
    for _ in range(times):
        lead = await ann.bid(auction_id, (await ann.auction(auction_id))["min_next_bid_cents"])
        assert lead["status"] == "accepted", lead
        over = await bob.bid(auction_id, lead["min_next_bid_cents"])
        assert over["status"] == "accepted", over


async def resume(stack: DevStack) -> None:
    run = uuid.uuid4().hex[:6]
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
        seller = user(http, stack, f"resume-seller-{run}", ["seller"])
        ann = user(http, stack, f"resume-ann-{run}", ["buyer"])
        bob = user(http, stack, f"resume-bob-{run}", ["buyer"])
        followed = await ann.call("PUT", f"/v1/sellers/{seller.user_id}/followers/me")
        assert followed == {"seller_id": seller.user_id, "following": True, "changed": True}
        show = (await seller.write("/v1/shows", {"title": f"Resume {run}"}))["show_id"]
        body = {"title": "Tweed cap", "starting_price_cents": 1000}
        listing = (await seller.write(f"/v1/shows/{show}/listings", body))["listing_id"]
        await seller.write(f"/v1/shows/{show}/start")
        auction = await seller.write(
            f"/v1/listings/{listing}/auction",
            {"format": "sudden_death", "duration_ms": 300_000},
        )
        auction_id = auction["auction_id"]
        expected = 1 + OUTBIDS  # the show starting, then each outbid

        def url(cursor: int) -> str:
            base = f"ws://{stack.addresses['notifications_http']}/v1/me/notifications"
            return f"{base}?token={ann.token}&cursor={cursor}"

        got: list[dict[str, Any]] = []
        await outbid(ann, bob, auction_id, 3)
        cursor = await asyncio.wait_for(read_until(url(0), got, 2), 30)  # then it drops
        await outbid(ann, bob, auction_id, 3)  # while nobody listens
        cursor = await asyncio.wait_for(read_until(url(cursor), got, 5), 30)
        await asyncio.to_thread(stack.kill, "notifications")  # its state is only the log
        await outbid(ann, bob, auction_id, 3)
        await asyncio.to_thread(stack.start, "notifications")
        await asyncio.wait_for(read_until(url(cursor), got, expected), 60)

    assert [n["cursor"] for n in got] == list(range(1, expected + 1))
    assert len({n["source_event_id"] for n in got}) == expected  # nothing twice
    kinds = [n["kind"] for n in got]
    assert kinds == ["show_started"] + ["outbid"] * OUTBIDS
    assert got[0]["show_id"] == show and f"Resume {run}" in got[0]["text"]
    prices = [n["amount_cents"] for n in got[1:]]
    assert prices == sorted(prices) and len(set(prices)) == OUTBIDS  # in the order it happened


def test_a_client_that_reconnects_with_its_cursor_gets_everything_once_in_order(
    platform: DevStack,
) -> None:
    asyncio.run(resume(platform))
