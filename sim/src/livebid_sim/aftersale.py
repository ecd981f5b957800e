"""The rehearsal's last act: what happens to the show's orders after the hammer.

Before the show ends, one buyer's saved card is declined on a last buy-it-now and they
retry with a new card, and the seller cancels one order (refunded, relisted). After it
ends, every bundle is shipped, delivered and paid out, and the show's ledger is checked:
money in = money out + held. Talks only to the public API and the payment simulator.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from livebid_sim.client import ApiError, EdgeClient

TOTE = ("Rehearsal tote bag", 2500)


class AfterSale:
    def __init__(
        self,
        http: httpx.AsyncClient,
        seller: EdgeClient,
        buyers: list[EdgeClient],
        payments_url: str,
        say: Callable[[str], None],
    ) -> None:
        self._http, self._seller, self._payments = http, seller, payments_url
        self._buyers = {b.user_id: b for b in buyers}
        self._say = say
        self.extra_orders = 0

    async def before_end(self, show_id: str) -> None:
        """A decline then a retry with a new card, and a seller's cancel, while live."""
        buyer = next(iter(self._buyers.values()))
        script = {"target": f"saved:{buyer.user_id}", "outcomes": ["decline:card_expired"]}
        (await self._http.put(f"{self._payments}/v1/script", json=script)).raise_for_status()
        title, price = TOTE
        listing = await self._seller.write(
            f"/v1/shows/{show_id}/listings",
            {
                "title": title,
                "starting_price_cents": 500,
                "buy_now_price_cents": price,
                "shipping_profile": "standard",
            },
        )
        auction = await self._seller.write(
            f"/v1/listings/{listing['listing_id']}/auction",
            {"format": "standard", "duration_ms": 30_000, "counter_time_ms": 1000},
        )
        await buyer.write(f"/v1/auctions/{auction['auction_id']}/buy-now")
        self.extra_orders = 1
        order_id = f"ord-{auction['auction_id']}"
        failed = await self._until(buyer, order_id, ("payment_failed",))
        self._say(
            f"  [payment] {buyer.user_id}'s card declined for the {title} "
            f"({failed['reason']}); retrying with a new card ..."
        )
        await buyer.write(
            f"/v1/bundles/{failed['bundle_id']}/payment-retries", {"card_ref": "card:new-visa"}
        )
        await self._until(buyer, order_id, ("paid",))
        self._say(f"  [payment] {buyer.user_id} paid on retry")
        orders = (await self._seller.call("GET", f"/v1/shows/{show_id}/orders"))["orders"]
        other = next((o for o in orders if o["buyer_id"] != buyer.user_id), None)
        if other is not None:
            await self._seller.write(
                f"/v1/orders/{other['order_id']}/cancel", {"reason": "found a stain"}
            )
            self._say(f"  [cancel] the seller cancelled {other['order_id']}: full refund, relisted")

    async def _until(
        self, buyer: EdgeClient, order_id: str, statuses: tuple[str, ...], timeout_s: float = 20
    ) -> dict[str, Any]:
        give_up = time.monotonic() + timeout_s
        while time.monotonic() < give_up:
            for order in (await buyer.call("GET", "/v1/me/orders"))["orders"]:
                if order["order_id"] == order_id and order["status"] in statuses:
                    return dict(order)
            await asyncio.sleep(0.2)
        raise AssertionError(f"{order_id} never became {statuses}")

    async def settle(self, show_id: str) -> int:
        """Ship, deliver and pay out every bundle; print them; 0 when all settled and the
        ledger balances."""
        orders = (await self._seller.call("GET", f"/v1/shows/{show_id}/orders"))["orders"]
        bundles: dict[str, list[dict[str, Any]]] = {}
        for order in orders:
            bundles.setdefault(order["bundle_id"], []).append(order)
        self._say("\nAfter the show: bundles shipped, delivered, paid out")
        self._say(f"  {'buyer':<10} {'items':>5} {'shipping':>9} {'status':<10} tracking")
        for n, (bundle_id, items) in enumerate(sorted(bundles.items()), 1):
            buyer = items[0]["buyer_id"]
            bundle = await self._ship_and_deliver(bundle_id, buyer, f"1ZREH{n:05d}")
            live = [o for o in items if o["status"] != "cancelled"]
            self._say(
                f"  {buyer:<10} {len(live):>5} {_dollars(bundle['shipping']['amount_cents']):>9} "
                f"{bundle['status']:<10} {bundle['tracking_number'] or '-'}"
            )
        final = (await self._seller.call("GET", f"/v1/shows/{show_id}/orders"))["orders"]
        counts: dict[str, int] = {}
        for order in final:
            counts[order["status"]] = counts.get(order["status"], 0) + 1
        self._say("  orders: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
        balanced = await self._ledger(show_id)
        settled = set(counts) <= {"payout_released", "cancelled"}
        return 0 if settled and balanced and "cancelled" in counts else 1

    async def _ship_and_deliver(self, bundle_id: str, buyer_id: str, tracking: str) -> Any:
        give_up = time.monotonic() + 30
        bundle: Any = {}
        while time.monotonic() < give_up:
            bundle = (await self._seller.call("GET", f"/v1/bundles/{bundle_id}"))["bundle"]
            if bundle["status"] == "paid_out":
                return bundle
            try:
                if bundle["status"] == "closed":
                    await self._seller.write(
                        f"/v1/bundles/{bundle_id}/shipment",
                        {"carrier": "UPS", "tracking_number": tracking},
                    )
                elif bundle["status"] == "shipped":
                    await self._buyers[buyer_id].write(f"/v1/bundles/{bundle_id}/delivery")
            except ApiError as exc:
                if "nothing left to ship" in exc.detail:
                    return bundle  # every order of it was cancelled
                if exc.status != 409:
                    raise
            await asyncio.sleep(0.3)  # shipping charges and refunds settle through Kafka
        return bundle

    async def _ledger(self, show_id: str) -> bool:
        ops = await EdgeClient.sign_in(self._http, f"ops-{uuid.uuid4().hex[:4]}", ["admin"])
        postings = (await ops.call("GET", f"/v1/shows/{show_id}/ledger"))["postings"]
        entries = [e for p in postings for e in p["entries"]]
        clearing = [e["amount_cents"] for e in entries if e["account"] == "buyer_payments_clearing"]
        money_in = -sum(a for a in clearing if a < 0)
        refunded = sum(a for a in clearing if a > 0)
        fees = sum(e["amount_cents"] for e in entries if e["account"] == "platform_fees")
        payouts = sum(
            e["amount_cents"] for e in entries if e["account"].startswith("seller_payouts:")
        )
        held = sum(e["amount_cents"] for e in entries if e["account"].startswith("escrow:"))
        balanced = all(sum(e["amount_cents"] for e in p["entries"]) == 0 for p in postings)
        balanced = balanced and money_in == refunded + fees + payouts + held
        self._say(
            f"  ledger ({len(postings)} postings): in {_dollars(money_in)} = refunds "
            f"{_dollars(refunded)} + fees {_dollars(fees)} + payouts {_dollars(payouts)} "
            f"+ held {_dollars(held)}: {'balanced' if balanced else 'NOT BALANCED'}"
        )
        return balanced


def _dollars(cents: int) -> str:
    return f"${cents / 100:,.2f}"
