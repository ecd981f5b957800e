"""From hammer to doorstep on a real broker, through the public API: a show sells to several
buyers; one payment declines and succeeds on retry, one succeeds late (still one charge),
one declines until the show ends and is cancelled and relisted; a seller cancels, a buyer's
cancellation request is accepted; bundles and their shipping are right; bundles ship, are
delivered and paid out; and the ledger balances."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from livebid_devtools.devstack import DevStack
from livebid_edge.auth import issue
from livebid_orders.ledger import fee_for
from livebid_sim.client import EdgeClient
from tests.integration.scrape import scrape, value

pytestmark = pytest.mark.integration

PROFILE = "per_item=500,cap=800,free_above=100000"


class Show:
    def __init__(self, http: httpx.AsyncClient, stack: DevStack) -> None:
        self.http, self.stack, self.run = http, stack, uuid.uuid4().hex[:6]
        self.seller = self.user("seller", ["seller"])
        self.admin = self.user("admin", ["admin"])
        self.show_id = ""

    def user(self, name: str, roles: list[str] | None = None) -> EdgeClient:
        user_id = f"{name}-{self.run}"
        token = issue(self.stack.token_secret, user_id, roles or ["buyer"], verified=True)
        return EdgeClient(self.http, user_id, token)

    async def open(self) -> None:
        self.show_id = (await self.seller.write("/v1/shows", {"title": "money"}))["show_id"]

    async def listing(self, title: str, price: int) -> str:
        body = {
            "title": title,
            "starting_price_cents": 100,
            "buy_now_price_cents": price,
            "shipping_profile": PROFILE,
        }
        return (await self.seller.write(f"/v1/shows/{self.show_id}/listings", body))["listing_id"]

    async def buy(self, buyer: EdgeClient, listing: str) -> str:
        """Put the listing up and buy it now: a sold auction; its order's id."""
        body = {"format": "standard", "duration_ms": 30_000, "counter_time_ms": 1000}
        auction = await self.seller.write(f"/v1/listings/{listing}/auction", body)
        took = await buyer.write(f"/v1/auctions/{auction['auction_id']}/buy-now")
        assert took["status"] == "accepted", took
        return f"ord-{auction['auction_id']}"

    async def listing_status(self, listing: str) -> str:
        listings = (await self.seller.call("GET", f"/v1/shows/{self.show_id}"))["listings"]
        status: str = next(x for x in listings if x["listing_id"] == listing)["status"]
        return status

    async def script(self, buyer: EdgeClient, *outcomes: str) -> None:
        body = {"target": f"saved:{buyer.user_id}", "outcomes": list(outcomes)}
        reply = await self.http.put(f"{self.stack.payments_url}/v1/script", json=body)
        reply.raise_for_status()

    async def provider(self) -> dict[str, Any]:
        reply = await self.http.get(f"{self.stack.payments_url}/v1/ledger")
        reply.raise_for_status()
        result: dict[str, Any] = reply.json()
        return result


async def until(check: Callable[[], Awaitable[Any]], what: str, timeout_s: float = 30) -> Any:
    """Poll `check()` until it returns something truthy."""
    give_up = time.monotonic() + timeout_s
    while time.monotonic() < give_up:
        if result := await check():
            return result
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


async def order_of(buyer: EdgeClient, order_id: str) -> dict[str, Any] | None:
    orders = (await buyer.call("GET", "/v1/me/orders"))["orders"]
    return next((o for o in orders if o["order_id"] == order_id), None)


def status_is(buyer: EdgeClient, order_id: str, *statuses: str) -> Callable[[], Awaitable[Any]]:
    async def check() -> dict[str, Any] | None:
        order = await order_of(buyer, order_id)
        return order if order is not None and order["status"] in statuses else None

    return check


async def bundle(user: EdgeClient, bundle_id: str) -> dict[str, Any]:
    found: dict[str, Any] = (await user.call("GET", f"/v1/bundles/{bundle_id}"))["bundle"]
    return found


async def lifecycle(stack: DevStack) -> None:
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
        w = Show(http, stack)
        ann, bob, cat, dan, eve = (w.user(n) for n in ("ann", "bob", "cat", "dan", "eve"))
        await w.script(bob, "decline:insufficient_funds")
        await w.script(cat, "late")
        await w.script(dan, "decline")
        await w.open()
        listings = {
            name: await w.listing(name, price)
            for name, price in (
                ("ann-1", 4000),
                ("ann-2", 2000),
                ("bob-1", 3000),
                ("cat-1", 2500),
                ("dan-1", 1500),
                ("eve-1", 1000),
            )
        }
        await w.seller.write(f"/v1/shows/{w.show_id}/start")
        orders = {
            name: await w.buy(buyer, listings[name])
            for name, buyer in (
                ("ann-1", ann),
                ("ann-2", ann),
                ("bob-1", bob),
                ("cat-1", cat),
                ("dan-1", dan),
                ("eve-1", eve),
            )
        }

        # Ann's two items are one bundle: shipping 2 x 500, capped at 800.
        paid = await until(status_is(ann, orders["ann-1"], "paid"), "ann's first order paid")
        await until(status_is(ann, orders["ann-2"], "paid"), "ann's second order paid")
        ann_bundle = paid["bundle_id"]
        assert (await order_of(ann, orders["ann-2"]))["bundle_id"] == ann_bundle  # type: ignore[index]
        assert (await bundle(ann, ann_bundle))["shipping"]["amount_cents"] == 800

        # Bob is declined, told why, retries with a new card, and pays.
        failed = await until(status_is(bob, orders["bob-1"], "payment_failed"), "bob declined")
        assert failed["reason"] == "insufficient_funds"
        retry = await bob.write(
            f"/v1/bundles/{failed['bundle_id']}/payment-retries", {"card_ref": "card:bob-new"}
        )
        assert retry["accepted"]
        await until(status_is(bob, orders["bob-1"], "paid"), "bob paid on retry")

        # Cat's charge times out and is confirmed late: paid, and charged once.
        await until(status_is(cat, orders["cat-1"], "paid"), "cat paid late")
        key = f"{orders['cat-1']}:a1"
        sim = await w.provider()
        assert [c["status"] for c in sim["charges"] if c["key"] == key] == ["approved"]
        assert sim["calls"][key] >= 2  # the worker gave up once and asked again

        # Eve asks to cancel within the window; the seller accepts: refunded, relisted.
        await until(status_is(eve, orders["eve-1"], "paid"), "eve paid")
        asked = await eve.write(
            f"/v1/orders/{orders['eve-1']}/cancellation-requests", {"reason": "wrong size"}
        )
        assert asked["accepted"]
        answer = await w.seller.write(
            f"/v1/orders/{orders['eve-1']}/cancellation-answer", {"accept": True}
        )
        assert answer["accepted"]
        await until(status_is(eve, orders["eve-1"], "cancelled"), "eve's order cancelled")

        # The seller cancels Ann's second item: refunded; her shipping drops to 500.
        await w.seller.write(f"/v1/orders/{orders['ann-2']}/cancel", {"reason": "damaged"})
        await until(status_is(ann, orders["ann-2"], "cancelled"), "ann-2 cancelled")
        assert (await bundle(ann, ann_bundle))["shipping"]["amount_cents"] == 500

        # Dan never pays; the show ends: his order is cancelled and the listing relisted.
        await until(status_is(dan, orders["dan-1"], "payment_failed"), "dan declined")
        await w.seller.write(f"/v1/shows/{w.show_id}/end")
        await until(status_is(dan, orders["dan-1"], "cancelled"), "dan cancelled at show end")

        async def relisted() -> bool:
            names = ("dan-1", "eve-1", "ann-2")
            return all([await w.listing_status(listings[n]) == "available" for n in names])

        await until(relisted, "cancelled units available again in catalog")

        # After the show: shipping is charged; ship, deliver, pay out.
        async def ready_to_ship() -> bool:
            b = await bundle(w.seller, ann_bundle)
            return bool(b["status"] == "closed" and b["held"]["amount_cents"] == 4500)

        await until(ready_to_ship, "ann's shipping charged")
        shipped = await w.seller.write(
            f"/v1/bundles/{ann_bundle}/shipment", {"carrier": "UPS", "tracking_number": "1Z1"}
        )
        assert shipped["bundle"]["status"] == "shipped"
        delivered = await ann.write(f"/v1/bundles/{ann_bundle}/delivery")
        # The answer is the bundle right after the command's first event (delivered); the
        # payout is decided in the same step.
        assert delivered["bundle"]["status"] in ("delivered", "paid_out")
        assert (await bundle(ann, ann_bundle))["status"] == "paid_out"
        await until(status_is(ann, orders["ann-1"], "payout_released"), "ann-1 paid out")

        bob_bundle = failed["bundle_id"]
        await until(lambda: _closed_and_held(w.seller, bob_bundle, 3500), "bob's shipping charged")
        await w.seller.write(
            f"/v1/bundles/{bob_bundle}/shipment", {"carrier": "USPS", "tracking_number": "94001"}
        )
        carrier = w.user("ups", ["carrier"])
        by_carrier = await carrier.write(
            "/v1/carrier/deliveries", {"bundle_id": bob_bundle, "tracking_number": "94001"}
        )
        assert by_carrier["accepted"]
        assert (await bundle(w.seller, bob_bundle))["status"] == "paid_out"

        # Bob was told: payment failed (with what to do), shipped, delivered; the seller:
        # payout sent. From the inbox every app reads.
        async def told(user: EdgeClient, kinds: set[str]) -> bool:
            inbox = await user.call("GET", "/v1/me/notifications")
            got = {n["kind"] for n in inbox["notifications"]}
            return kinds <= got

        bob_told = {f"NOTIFICATION_KIND_{k}" for k in ("PAYMENT_FAILED", "SHIPPED", "DELIVERED")}
        await until(lambda: told(bob, bob_told), "bob's notifications")
        await until(lambda: told(w.seller, {"NOTIFICATION_KIND_PAYOUT_SENT"}), "payout sent")

        # Cat's shipping charge is late too (her card's script repeats): wait for it.
        cat_bundle = (await order_of(cat, orders["cat-1"]))["bundle_id"]  # type: ignore[index]
        await until(lambda: _closed_and_held(cat, cat_bundle, 3000), "cat's shipping charged")

        # The ledger: every posting balances; money in = money out + held.
        async def ledger_settled() -> list[dict[str, Any]] | None:
            postings: list[dict[str, Any]] = (
                await w.admin.call("GET", f"/v1/shows/{w.show_id}/ledger")
            )["postings"]
            refunds = [p for p in postings if p["kind"] == "refund"]
            return postings if len(refunds) >= 2 else None  # eve's and ann-2's

        postings = await until(ledger_settled, "refunds booked")
        # The payment provider's answers, as an operator's dashboard shows them.
        calls = await scrape(stack, "orders")
        for outcome in ("approved", "declined", "timeout"):
            assert value(calls, "livebid_payment_provider_calls_total", outcome=outcome) >= 1
        for posting in postings:
            assert sum(e["amount_cents"] for e in posting["entries"]) == 0, posting
        entries = [e for p in postings for e in p["entries"]]
        money_in = -sum(
            e["amount_cents"]
            for e in entries
            if e["account"] == "buyer_payments_clearing" and e["amount_cents"] < 0
        )
        refunded = sum(
            e["amount_cents"]
            for e in entries
            if e["account"] == "buyer_payments_clearing" and e["amount_cents"] > 0
        )
        out = sum(
            e["amount_cents"]
            for e in entries
            if e["account"] == "platform_fees" or e["account"].startswith("seller_payouts:")
        )
        held = sum(e["amount_cents"] for e in entries if e["account"].startswith("escrow:"))
        assert money_in == refunded + out + held
        # Shipping is charged when the show ends, for what is left: Ann 4000 + 2000 + 500,
        # Bob 3000 + 500, Cat 2500 + 500, Eve 1000 (cancelled during the show), Dan nothing.
        assert money_in == 6500 + 3500 + 3000 + 1000
        assert refunded == 2000 + 1000  # Ann's second item, Eve's

        assert out == (4500) + (3500)  # paid out gross (net + fee)
        assert held == 3000  # Cat's bundle, not shipped yet
        fees = sum(e["amount_cents"] for e in entries if e["account"] == "platform_fees")
        assert fees == fee_for(4500) + fee_for(3500)

        # The provider took each charge at most once.
        sim = await w.provider()
        approved = [c["key"] for c in sim["charges"] if c["status"] == "approved"]
        assert len(approved) == len(set(approved))

        await spending_limits(w, ann, cat)


async def spending_limits(w: Show, ann: EdgeClient, cat: EdgeClient) -> None:
    """A new buyer's limit counts what is unpaid or in escrow, not every order ever placed:
    Ann's bundle is paid out (nothing counts), Cat's order of 2500 is still in escrow
    (items count, shipping does not)."""
    await w.open()
    listing = await w.listing("limit test", 90_000)
    await w.seller.write(f"/v1/shows/{w.show_id}/start")
    body = {"format": "standard", "duration_ms": 30_000, "counter_time_ms": 1000}
    auction = (await w.seller.write(f"/v1/listings/{listing}/auction", body))["auction_id"]

    def limited(buyer: EdgeClient) -> EdgeClient:
        token = issue(
            w.stack.token_secret, buyer.user_id, ["buyer"], verified=True, spending_limit_cents=4000
        )
        return EdgeClient(w.http, buyer.user_id, token)

    capped = await limited(cat).bid(auction, amount_cents=1600)  # 2500 held + 1600 > 4000
    assert (capped["status"], capped["reason"]) == ("rejected", "over_limit")
    free = await limited(ann).bid(auction, amount_cents=1600)  # 6000 ever ordered, none open
    assert free["status"] == "accepted", free


async def _closed_and_held(seller: EdgeClient, bundle_id: str, cents: int) -> bool:
    b = await bundle(seller, bundle_id)
    return bool(b["status"] == "closed" and b["held"]["amount_cents"] == cents)


def test_an_orders_life_from_hammer_to_payout(platform: DevStack) -> None:
    asyncio.run(lifecycle(platform))
