"""The watch page in a real headless browser (Debian's Chromium, over CDP) on a real broker:
a buyer signs in with a development token, sees the countdown, bids in an auction, buys in a
flash sale and enters a giveaway, all from the page, through the edge's public API."""

from __future__ import annotations

import asyncio
import re
import uuid

import httpx
import pytest

from livebid_devtools.browser import Browser, Page
from livebid_devtools.devstack import DevStack
from livebid_edge.auth import issue
from livebid_sim.client import EdgeClient

pytestmark = pytest.mark.integration


def visible(element_id: str) -> str:
    return f"!document.getElementById('{element_id}').hidden"


async def listing(seller: EdgeClient, show: str, title: str, quantity: int = 1) -> str:
    body = {"title": title, "starting_price_cents": 1000, "quantity": quantity}
    return str((await seller.write(f"/v1/shows/{show}/listings", body))["listing_id"])


async def answer(page: Page, prefix: str) -> str:
    text = await page.wait_for(
        f"(t => t.startsWith('{prefix}') && t)(document.getElementById('answer').textContent)"
    )
    return str(text)


async def buy_from_the_page(stack: DevStack) -> None:
    run = uuid.uuid4().hex[:6]
    buyer_id = f"page-buyer-{run}"
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
        seller_id = f"page-seller-{run}"
        seller = EdgeClient(
            http, seller_id, issue(stack.token_secret, seller_id, ["seller"], verified=True)
        )
        show = (await seller.write("/v1/shows", {"title": f"Page show {run}"}))["show_id"]
        jacket = await listing(seller, show, "Denim jacket")
        socks = await listing(seller, show, "Wool socks", quantity=5)
        scarf = await listing(seller, show, "Silk scarf")
        await seller.write(f"/v1/shows/{show}/start")

        async with (
            Browser.launch() as browser,
            browser.open(f"{stack.notifications_url}/shows/{show}") as page,
        ):
            await page.wait_for("document.getElementById('conn').textContent === 'live'")
            await page.type("user", buyer_id)
            await page.click("signin-btn")
            await page.wait_for(visible("signed"))
            assert await page.text("me") == buyer_id

            auction = await seller.write(
                f"/v1/listings/{jacket}/auction",
                {"format": "standard", "duration_ms": 60_000, "counter_time_ms": 10_000},
            )
            await page.wait_for(visible("act-auction"))
            timer = await page.wait_for(
                "(t => /^[0-9]+[.][0-9] s$/.test(t) && t)(document.getElementById('timer')"
                ".textContent)"
            )
            assert 0 < float(re.sub(" s$", "", str(timer))) <= 60
            await page.click("bid-btn")  # the amount is prefilled with the minimum next bid
            assert await answer(page, "Bid") == "Bid accepted"
            bid_view = await seller.auction(auction["auction_id"])
            assert (bid_view["leader_id"], bid_view["price"]["amount_cents"]) == (buyer_id, 1000)

            await seller.write(
                f"/v1/shows/{show}/flash-sales",
                {"listing_id": socks, "price_cents": 500, "quantity": 5, "per_buyer_limit": 2},
            )
            await page.wait_for(visible("act-flash"))
            await page.type("qty", "2")
            await page.click("buy-btn")
            assert await answer(page, "Purchase") == "Purchase accepted"
            await page.wait_for("document.getElementById('who').textContent === '3 of 5 left'")
            await page.click("buy-btn")  # a third unit is over the per-buyer limit
            assert await answer(page, "Purchase rejected") == "Purchase rejected: over buyer limit"

            await seller.write(f"/v1/shows/{show}/giveaways", {"listing_id": scarf})
            await page.wait_for(visible("act-giveaway"))
            await page.click("enter-btn")
            assert await answer(page, "Entry") == "Entry accepted"
            await page.wait_for("document.getElementById('count').textContent === '1 entrants'")


def test_a_buyer_bids_buys_and_enters_from_the_watch_page(platform: DevStack) -> None:
    asyncio.run(buy_from_the_page(platform))
