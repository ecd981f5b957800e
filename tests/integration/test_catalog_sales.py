"""Flash sales and giveaways go through the catalog: through the public HTTP API, the catalog
checks the listing and holds it for the sale, and follows bidding's close to what is left."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable
from typing import Any

import httpx
import pytest

from livebid_devtools.devstack import DevStack
from livebid_edge.auth import issue
from livebid_sim.client import ApiError, EdgeClient

pytestmark = pytest.mark.integration


class Seller:
    """A seller with a live show, and a way to make buyers."""

    def __init__(self, http: httpx.AsyncClient, stack: DevStack, name: str = "seller") -> None:
        self.http, self.stack, self.run = http, stack, uuid.uuid4().hex[:6]
        self.client = self.user(name, ["seller"])
        self.show = ""

    def user(self, name: str, roles: list[str] | None = None, **claims: Any) -> EdgeClient:
        user_id = f"{name}-{self.run}"
        token = issue(self.stack.token_secret, user_id, roles or ["buyer"], verified=True, **claims)
        return EdgeClient(self.http, user_id, token)

    async def go_live(self, start: bool = True) -> Seller:
        self.show = (await self.client.write("/v1/shows", {"title": "sales"}))["show_id"]
        if start:
            await self.client.write(f"/v1/shows/{self.show}/start")
        return self

    async def listing(self, title: str, quantity: int = 1) -> str:
        body = {"title": title, "quantity": quantity, "starting_price_cents": 1000}
        return (await self.client.write(f"/v1/shows/{self.show}/listings", body))["listing_id"]

    async def flash_sale(
        self, listing: str, quantity: int, key: str | None = None, **terms: Any
    ) -> dict[str, Any]:
        body = {"listing_id": listing, "price_cents": 500, "quantity": quantity, **terms}
        path = f"/v1/shows/{self.show}/flash-sales"
        return await self.client.call("POST", path, body, idempotency_key=key or uuid.uuid4().hex)

    async def giveaway(self, listing: str, duration_ms: int = 1000) -> dict[str, Any]:
        body = {"listing_id": listing, "duration_ms": duration_ms}
        return await self.client.write(f"/v1/shows/{self.show}/giveaways", body)

    async def auction(self, listing: str) -> dict[str, Any]:
        return await self.client.write(f"/v1/listings/{listing}/auction", {"duration_ms": 3000})

    async def listing_view(self, listing: str) -> dict[str, Any]:
        listings = (await self.client.call("GET", f"/v1/shows/{self.show}"))["listings"]
        found: dict[str, Any] = next(x for x in listings if x["listing_id"] == listing)
        return found

    async def settled(self, listing: str) -> dict[str, Any]:
        """The listing once the catalog has followed its sale's end."""
        view: dict[str, Any] = {}
        for _ in range(150):
            view = await self.listing_view(listing)
            if view["status"] in ("available", "sold"):
                return view
            await asyncio.sleep(0.1)
        raise AssertionError(f"the listing stayed {view.get('status')}")


async def refused(call: Awaitable[object]) -> ApiError:
    with pytest.raises(ApiError) as error:
        await call
    return error.value


async def platform_client(stack: DevStack) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=stack.edge_url, timeout=30)


async def in_flash_sale_is_held(stack: DevStack) -> None:
    async with await platform_client(stack) as http:
        s = await Seller(http, stack).go_live()
        socks = await s.listing("Wool socks", quantity=3)
        sale = await s.flash_sale(socks, 2, key="socks-sale", per_buyer_limit=1)
        assert set(sale) == {"sale_id", "deadline_ms"} and sale["deadline_ms"] > 0
        again = await s.flash_sale(socks, 2, key="socks-sale", per_buyer_limit=1)
        assert again == sale  # a retried request: the same sale, no second one
        view = await s.listing_view(socks)
        assert (view["status"], view["sale_id"], view["quantity"]) == (
            "in_flash_sale",
            sale["sale_id"],
            3,
        )
        for attempt in (s.auction(socks), s.flash_sale(socks, 1), s.giveaway(socks)):
            error = await refused(attempt)
            assert error.status == 409 and "in_flash_sale" in error.detail
        error = await refused(s.client.write(f"/v1/shows/{s.show}/end"))
        assert error.status == 409 and "flash sale" in error.detail


async def sold_out_sells_the_listing(stack: DevStack) -> None:
    async with await platform_client(stack) as http:
        s = await Seller(http, stack).go_live()
        tees = await s.listing("Band tee, two of them", quantity=2)
        sale = (await s.flash_sale(tees, 2, per_buyer_limit=1, duration_ms=60_000))["sale_id"]
        buyers = [s.user(f"buyer{i}") for i in range(3)]
        answers = [await b.write(f"/v1/flash-sales/{sale}/purchases") for b in buyers]
        assert [a["status"] for a in answers] == ["accepted", "accepted", "rejected"]
        assert answers[2]["reason"] == "sold_out"
        view = await s.settled(tees)  # closed at once by its last unit, not at the deadline
        assert (view["status"], view["quantity"]) == ("sold", 0)
        error = await refused(s.auction(tees))
        assert error.status == 409 and "sold" in error.detail
        await s.client.write(f"/v1/shows/{s.show}/end")  # nothing runs any more


async def unsold_units_stay_available(stack: DevStack) -> None:
    async with await platform_client(stack) as http:
        s = await Seller(http, stack).go_live()
        mugs = await s.listing("Mugs", quantity=5)
        sale = (await s.flash_sale(mugs, 3, per_buyer_limit=2, duration_ms=1500))["sale_id"]
        bought = await s.user("buyer").write(f"/v1/flash-sales/{sale}/purchases", {"quantity": 2})
        assert bought["status"] == "accepted"
        view = await s.settled(mugs)  # at the deadline, with one unit of the sale unsold
        assert (view["status"], view["quantity"]) == ("available", 3)
        assert (await s.auction(mugs))["auction_id"]  # free to be sold another way


async def foreign_sellers_are_refused(stack: DevStack) -> None:
    async with await platform_client(stack) as http:
        owner = await Seller(http, stack, "owner").go_live()
        rival = await Seller(http, stack, "rival").go_live()
        jacket = await owner.listing("Denim jacket")
        body = {"listing_id": jacket, "price_cents": 100, "quantity": 1}
        in_owners_show = rival.client.write(f"/v1/shows/{owner.show}/flash-sales", body)
        assert (await refused(in_owners_show)).status == 403
        giveaway = rival.client.write(f"/v1/shows/{owner.show}/giveaways", {"listing_id": jacket})
        assert (await refused(giveaway)).status == 403
        in_own_show = rival.client.write(f"/v1/shows/{rival.show}/flash-sales", body)
        assert (await refused(in_own_show)).status == 404  # not a listing of that show
        buyer = owner.user("buyer")
        as_buyer = buyer.write(f"/v1/shows/{owner.show}/flash-sales", body)
        assert (await refused(as_buyer)).status == 403
        assert (await owner.listing_view(jacket))["status"] == "available"


async def what_cannot_be_sold_is_refused(stack: DevStack) -> None:
    async with await platform_client(stack) as http:
        s = await Seller(http, stack).go_live()
        hats = await s.listing("Hats", quantity=3)
        too_many = await refused(s.flash_sale(hats, 4))
        assert too_many.status == 409 and "only 3 left" in too_many.detail
        assert (await refused(s.flash_sale("no-such-listing", 1))).status == 404
        assert (await refused(s.flash_sale(hats, 1, currency="EUR"))).status == 400
        later = await Seller(http, stack).go_live(start=False)
        not_live = await refused(later.flash_sale(await later.listing("Scarf"), 1))
        assert not_live.status == 409 and "live" in not_live.detail
        assert (await s.listing_view(hats))["status"] == "available"


async def giveaways_hold_and_release(stack: DevStack) -> None:
    async with await platform_client(stack) as http:
        s = await Seller(http, stack).go_live()
        stickers, pins = await s.listing("Sticker pack"), await s.listing("Enamel pin")
        won = await s.giveaway(stickers)
        assert set(won) == {"giveaway_id", "ends_at_ms"}
        nobody = await s.giveaway(pins)
        assert (await s.listing_view(stickers))["status"] == "in_giveaway"
        error = await refused(s.flash_sale(stickers, 1))
        assert error.status == 409 and "in_giveaway" in error.detail
        fan = s.user("fan")
        entry = await fan.write(f"/v1/giveaways/{won['giveaway_id']}/entries")
        assert entry["status"] == "accepted"
        given_away = await s.settled(stickers)
        assert (given_away["status"], given_away["quantity"]) == ("sold", 0)
        drawn = await s.client.call("GET", f"/v1/giveaways/{won['giveaway_id']}")
        assert drawn["winner_id"] == fan.user_id
        kept = await s.settled(pins)  # nobody entered: nothing was given away
        assert (kept["status"], kept["quantity"], kept["giveaway_id"]) == (
            "available",
            1,
            nobody["giveaway_id"],
        )


def test_a_listing_in_a_flash_sale_cannot_be_sold_another_way(platform: DevStack) -> None:
    asyncio.run(in_flash_sale_is_held(platform))


def test_a_sold_out_flash_sale_marks_the_listing_sold(platform: DevStack) -> None:
    asyncio.run(sold_out_sells_the_listing(platform))


def test_units_a_flash_sale_did_not_sell_stay_available(platform: DevStack) -> None:
    asyncio.run(unsold_units_stay_available(platform))


def test_a_foreign_seller_cannot_sell_a_listing(platform: DevStack) -> None:
    asyncio.run(foreign_sellers_are_refused(platform))


def test_more_than_is_left_or_a_listing_not_for_sale_is_refused(platform: DevStack) -> None:
    asyncio.run(what_cannot_be_sold_is_refused(platform))


def test_a_giveaway_holds_the_listing_and_gives_one_unit_away(platform: DevStack) -> None:
    asyncio.run(giveaways_hold_and_release(platform))
