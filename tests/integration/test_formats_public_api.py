"""Every live-sale format and eligibility rule through the public HTTP API, end to end."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import httpx
import pytest

from livebid_bidding.domain.giveaway import draw_winner
from livebid_devtools.devstack import DevStack
from livebid_edge.auth import issue
from livebid_sim.client import ApiError, EdgeClient

pytestmark = pytest.mark.integration


class World:
    def __init__(self, http: httpx.AsyncClient, stack: DevStack) -> None:
        self.http, self.stack, self.run = http, stack, uuid.uuid4().hex[:6]
        self.seller = self.user("seller", ["seller"])

    def user(self, name: str, roles: list[str] | None = None, **claims: Any) -> EdgeClient:
        user_id = f"{name}-{self.run}"
        token = issue(
            self.stack.token_secret,
            user_id,
            roles or ["buyer"],
            verified=claims.pop("verified", True),
            **claims,
        )
        return EdgeClient(self.http, user_id, token)

    async def listing(self, show: str, title: str, start: int = 1000, buy_now: int = 0) -> str:
        body = {"title": title, "starting_price_cents": start, "buy_now_price_cents": buy_now}
        return (await self.seller.write(f"/v1/shows/{show}/listings", body))["listing_id"]

    async def auction(self, listing: str, **terms: Any) -> dict[str, Any]:
        body = {"format": "standard", "duration_ms": 3000, "counter_time_ms": 1000, **terms}
        return await self.seller.write(f"/v1/listings/{listing}/auction", body)

    async def closed(self, auction_id: str) -> dict[str, Any]:
        for _ in range(300):
            view = await self.seller.auction(auction_id)
            if view["status"] != "open":
                return view
            await asyncio.sleep(0.1)
        raise AssertionError("auction did not end")


async def pre_bids(w: World, show: str) -> None:
    a = await w.auction(await w.listing(show, "pre-bid lamp"), opens_in_ms=1500)
    early, late = w.user("early"), w.user("late")
    refused = await early.bid(a["auction_id"], amount_cents=1000)
    assert refused["status"] == "rejected" and refused["reason"] == "auction_not_open"
    assert (await early.bid(a["auction_id"], max_cents=2500))["status"] == "accepted"
    assert (await late.bid(a["auction_id"], max_cents=2500))["leading"] is False  # tie: earlier
    await asyncio.sleep(1.6)
    final = await w.closed(a["auction_id"])
    assert final["winner_id"] == early.user_id and final["price"]["amount_cents"] == 2500


async def hidden_reserve(w: World, show: str) -> None:
    listing = await w.listing(show, "reserve coat")
    a = await w.auction(listing, reserve_price_cents=5000)
    bidder = w.user("under")
    view = await bidder.bid(a["auction_id"], amount_cents=3000)
    assert view["status"] == "accepted" and "reserve" not in str(view)
    final = await w.closed(a["auction_id"])
    assert final["status"] == "closed" and final["winner_id"] == ""
    for _ in range(50):  # unsold: the listing can go up again
        listings = (await w.seller.call("GET", f"/v1/shows/{show}"))["listings"]
        if next(x for x in listings if x["listing_id"] == listing)["status"] == "available":
            return
        await asyncio.sleep(0.1)
    raise AssertionError("unsold listing did not become available again")


async def buy_now(w: World, show: str) -> None:
    a = await w.auction(await w.listing(show, "bin boots", buy_now=4000), duration_ms=20_000)
    bidder, buyer = w.user("bidder"), w.user("buyer")
    assert (await bidder.bid(a["auction_id"], amount_cents=1500))["status"] == "accepted"
    took = await buyer.write(f"/v1/auctions/{a['auction_id']}/buy-now")
    assert took["status"] == "accepted" and took["price"]["amount_cents"] == 4000
    final = await w.closed(a["auction_id"])
    assert final["winner_id"] == buyer.user_id and final["price"]["amount_cents"] == 4000
    too_late = await bidder.bid(a["auction_id"], amount_cents=5000)
    assert too_late["reason"] == "auction_closed"


async def sudden_death(w: World, show: str) -> None:
    a = await w.auction(
        await w.listing(show, "sudden vase"), format="sudden_death", duration_ms=3000
    )
    await asyncio.sleep(max(0.0, (a["deadline_ms"] - 1000) / 1000 - time.time()))
    late = await w.user("sniper").bid(a["auction_id"], amount_cents=1000)
    assert late["status"] == "accepted" and late["deadline_ms"] == a["deadline_ms"]  # no extension


async def eligibility(w: World, show: str) -> None:
    a = await w.auction(
        await w.listing(show, "verified-only watch"),
        duration_ms=15_000,
        require_verified_buyers=True,
    )
    aid = a["auction_id"]
    unverified = await w.user("anon", verified=False).bid(aid, amount_cents=1000)
    assert unverified["reason"] == "not_eligible"
    own = await w.user("seller", ["seller", "buyer"]).bid(aid, amount_cents=1000)
    assert own["reason"] == "seller_cannot_bid"
    newbie = await w.user("newbie", spending_limit_cents=1500).bid(aid, max_cents=2000)
    assert newbie["reason"] == "over_limit"
    flooder = w.user("flooder")
    # At once, so that more than the limit land within one second of log time even on a
    # loaded machine (sequential round trips could spread them over more than a second).
    answers = await asyncio.gather(*(flooder.bid(aid, max_cents=2000 + 100 * i) for i in range(14)))
    assert any(x["reason"] == "rate_limited" for x in answers)
    with pytest.raises(ApiError) as forbidden:
        await w.seller.write(f"/v1/auctions/{aid}/void", {"reason": "changed my mind"})
    assert forbidden.value.status == 403  # a seller cannot cancel a running auction
    await w.user("ops", ["admin"]).write(f"/v1/auctions/{aid}/void", {"reason": "counterfeit"})
    assert (await w.seller.auction(aid))["status"] == "voided"
    assert (await flooder.bid(aid, max_cents=9000))["reason"] == "auction_closed"


async def giveaway(w: World, show: str) -> None:
    stickers = await w.listing(show, "stickers")
    g = await w.seller.write(
        f"/v1/shows/{show}/giveaways",
        # Long enough for every entry below on a loaded machine; the draw waits for it.
        {"listing_id": stickers, "duration_ms": 8000, "followers_only": True},
    )
    gid = g["giveaway_id"]
    fans = [w.user(f"fan{i}", follows=[w.seller.user_id]) for i in range(6)]
    entered = list(await asyncio.gather(*(f.write(f"/v1/giveaways/{gid}/entries") for f in fans)))
    assert all(e["status"] == "accepted" for e in entered)
    stranger = await w.user("stranger").write(f"/v1/giveaways/{gid}/entries")
    assert stranger["reason"] == "not_a_follower"
    again = await fans[0].write(f"/v1/giveaways/{gid}/entries")
    assert again["reason"] == "already_entered"
    view: dict[str, Any] = {}
    for _ in range(200):
        view = await w.seller.call("GET", f"/v1/giveaways/{gid}")
        if view["status"] == "drawn":
            break
        await asyncio.sleep(0.1)
    numbers = {e["entrant_number"]: f.user_id for e, f in zip(entered, fans, strict=True)}
    in_order = [numbers[n] for n in sorted(numbers)]
    assert view["winner_id"] == draw_winner(view["seed"], in_order)  # anyone can re-run it


async def bad_requests(w: World) -> None:
    no_key = await w.http.post(
        "/v1/shows", json={"title": "x"}, headers={"Authorization": f"Bearer {w.seller.token}"}
    )
    assert no_key.status_code == 400 and "Idempotency-Key" in no_key.json()["detail"]
    anonymous = await w.http.post(
        "/v1/auctions/a/bids", json={"amount_cents": 100}, headers={"Idempotency-Key": "k"}
    )
    assert anonymous.status_code == 401
    negative = await w.http.post(
        "/v1/auctions/a/bids",
        json={"amount_cents": -5},
        headers={"Authorization": f"Bearer {w.seller.token}", "Idempotency-Key": "k"},
    )
    assert negative.status_code == 422
    huge = await w.http.post(
        "/v1/auctions/a/bids",
        json={"amount_cents": 2**63},
        headers={"Authorization": f"Bearer {w.seller.token}", "Idempotency-Key": "k"},
    )
    assert huge.status_code == 422  # not an overflow deep inside
    with pytest.raises(ApiError) as missing:
        await w.user("lost").bid("no-such-auction", amount_cents=100)
    assert missing.value.status == 404 and "auction_not_found" in missing.value.detail


async def key_reuse(w: World, show: str) -> None:
    """The same Idempotency-Key: a retry gets the first answer; another request a 422."""
    aid = (await w.auction(await w.listing(show, "key reuse"), duration_ms=15_000))["auction_id"]
    bidder = w.user("retrier")
    first = await bidder.bid(aid, amount_cents=1000, key="same-key")
    assert first["status"] == "accepted"
    assert await bidder.bid(aid, amount_cents=1000, key="same-key") == first
    with pytest.raises(ApiError) as reused:
        await bidder.bid(aid, amount_cents=5000, key="same-key")
    assert reused.value.status == 422 and "already used" in reused.value.detail
    with pytest.raises(ApiError) as listing_reused:  # a seller's request: the same rule
        body = {"title": "another title", "starting_price_cents": 1000}
        await w.seller.call("POST", f"/v1/shows/{show}/listings", body, "listing-key")
        await w.seller.call(
            "POST", f"/v1/shows/{show}/listings", {**body, "title": "x"}, "listing-key"
        )
    assert listing_reused.value.status == 422


async def all_formats(stack: DevStack) -> None:
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
        w = World(http, stack)
        show = (await w.seller.write("/v1/shows", {"title": "every format"}))["show_id"]
        await w.seller.write(f"/v1/shows/{show}/start")
        await asyncio.gather(
            pre_bids(w, show),
            hidden_reserve(w, show),
            buy_now(w, show),
            sudden_death(w, show),
            eligibility(w, show),
            giveaway(w, show),
            bad_requests(w),
            key_reuse(w, show),
        )


def test_every_format_through_the_public_api(platform: DevStack) -> None:
    asyncio.run(all_formats(platform))
