"""What several integration tests start from: a seller with a live show and one auction
open, and buyers signed in, all through the public API of a running platform."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from livebid_devtools.devstack import DevStack
from livebid_edge.auth import issue
from livebid_sim.client import EdgeClient


@dataclass
class OpenAuction:
    seller: EdgeClient
    buyers: list[EdgeClient]
    show_id: str
    auction_id: str


def user(http: httpx.AsyncClient, stack: DevStack, name: str, roles: list[str]) -> EdgeClient:
    return EdgeClient(http, name, issue(stack.token_secret, name, roles, verified=True))


async def open_auction(
    http: httpx.AsyncClient, stack: DevStack, run: str, terms: dict[str, Any], buyers: int = 2
) -> OpenAuction:
    """A show started by seller `s-<run>`, a listing at 10.00 in auction on `terms`, and
    buyers `b0-<run>`, `b1-<run>`, ..."""
    seller = user(http, stack, f"s-{run}", ["seller"])
    show = (await seller.call("POST", "/v1/shows", {"title": run}, f"s-{run}"))["show_id"]
    body = {"title": "item", "starting_price_cents": 1000}
    listing = await seller.call("POST", f"/v1/shows/{show}/listings", body, f"l-{run}")
    await seller.call("POST", f"/v1/shows/{show}/start")
    path = f"/v1/listings/{listing['listing_id']}/auction"
    auction = (await seller.call("POST", path, terms, f"a-{run}"))["auction_id"]
    others = [user(http, stack, f"b{i}-{run}", ["buyer"]) for i in range(buyers)]
    return OpenAuction(seller, others, show, auction)
