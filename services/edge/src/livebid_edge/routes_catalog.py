"""Seller-facing routes: shows, listings, putting an item up for auction."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from livebid.catalog.v1 import catalog_service_pb2 as cat
from livebid.common.v1.money_pb2 import Money
from pydantic import Field

from livebid_edge.deps import CurrentUser, IdempotencyKey, ServiceClients, require_role
from livebid_edge.errors import PROBLEMS
from livebid_edge.inputs import Body, Currency, Description, Name, PathId, Title, Url
from livebid_edge.limits import MAX_CENTS, MAX_COUNT, MAX_PHOTOS, MAX_TIME_MS
from livebid_edge.views import NewAuction, NewListing, NewShow, ShowStatusChange, ShowView

router = APIRouter(prefix="/v1", tags=["catalog"], responses=PROBLEMS)


class ScheduleShowBody(Body):
    title: Title
    stream_url: Url = ""
    scheduled_start_ms: int = Field(default=0, ge=0, le=MAX_TIME_MS)


class AddListingBody(Body):
    title: Title
    description: Description = ""
    photo_urls: list[Url] = Field(default=[], max_length=MAX_PHOTOS)
    category: Name = ""
    size: Name = ""
    brand: Name = ""
    condition: Name = ""
    quantity: int = Field(default=1, ge=1, le=MAX_COUNT)
    starting_price_cents: int = Field(gt=0, le=MAX_CENTS)
    buy_now_price_cents: int = Field(default=0, ge=0, le=MAX_CENTS)
    currency: Currency = "USD"
    shipping_profile: Name = ""


class PutUpForAuctionBody(Body):
    format: Literal["standard", "sudden_death"] = "standard"
    duration_ms: int = Field(default=30_000, gt=0, le=3_600_000)
    counter_time_ms: int = Field(default=10_000, ge=0, le=600_000)
    increment_table: Name = "whatnot-v1"
    reserve_price_cents: int = Field(default=0, ge=0, le=MAX_CENTS)
    require_verified_buyers: bool = False
    # Take pre-bids (maximum bids only) for this long before bidding goes live.
    opens_in_ms: int = Field(default=0, ge=0, le=86_400_000)


_FORMATS = {
    "standard": cat.AUCTION_FORMAT_STANDARD,
    "sudden_death": cat.AUCTION_FORMAT_SUDDEN_DEATH,
}


@router.post("/shows", status_code=201)
async def schedule_show(
    body: ScheduleShowBody, user: CurrentUser, clients: ServiceClients, key: IdempotencyKey
) -> NewShow:
    require_role(user, "seller")
    request = cat.ScheduleShowRequest(
        seller_id=user.user_id, idempotency_key=key, **body.model_dump()
    )
    return NewShow.of(await clients.catalog.ScheduleShow(request))


@router.post("/shows/{show_id}/listings", status_code=201)
async def add_listing(
    show_id: PathId,
    body: AddListingBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> NewListing:
    require_role(user, "seller")
    fields = body.model_dump(exclude={"starting_price_cents", "buy_now_price_cents", "currency"})
    request = cat.AddListingRequest(
        seller_id=user.user_id,
        show_id=show_id,
        idempotency_key=key,
        starting_price=Money(amount_cents=body.starting_price_cents, currency=body.currency),
        buy_now_price=Money(amount_cents=body.buy_now_price_cents, currency=body.currency),
        **fields,
    )
    return NewListing.of(await clients.catalog.AddListing(request))


@router.post("/shows/{show_id}/start")
async def start_show(
    show_id: PathId, user: CurrentUser, clients: ServiceClients
) -> ShowStatusChange:
    require_role(user, "seller")
    await clients.catalog.StartShow(cat.StartShowRequest(seller_id=user.user_id, show_id=show_id))
    return ShowStatusChange(show_id=show_id, status="live")


@router.post("/shows/{show_id}/end")
async def end_show(show_id: PathId, user: CurrentUser, clients: ServiceClients) -> ShowStatusChange:
    require_role(user, "seller")
    await clients.catalog.EndShow(cat.EndShowRequest(seller_id=user.user_id, show_id=show_id))
    return ShowStatusChange(show_id=show_id, status="ended")


@router.get("/shows/{show_id}")
async def get_show(show_id: PathId, clients: ServiceClients) -> ShowView:
    return ShowView.of(await clients.catalog.GetShow(cat.GetShowRequest(show_id=show_id)))


@router.post("/listings/{listing_id}/auction", status_code=201)
async def put_up_for_auction(
    listing_id: PathId,
    body: PutUpForAuctionBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> NewAuction:
    require_role(user, "seller")
    request = cat.PutUpForAuctionRequest(
        seller_id=user.user_id,
        listing_id=listing_id,
        idempotency_key=key,
        format=_FORMATS[body.format],
        **body.model_dump(exclude={"format"}),
    )
    return NewAuction.of(await clients.catalog.PutUpForAuction(request))
