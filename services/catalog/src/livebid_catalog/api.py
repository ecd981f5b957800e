"""gRPC API of the catalog: requests become domain commands, domain errors become status codes.

Run: python -m livebid_catalog
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable
from typing import TypeVar

import grpc
from livebid.catalog.v1 import catalog_service_pb2 as api_pb
from livebid.catalog.v1 import catalog_service_pb2_grpc as api_grpc

from livebid_catalog.bidding_client import AuctionTerms
from livebid_catalog.codec import money
from livebid_catalog.domain import commands as c
from livebid_catalog.domain.show import (
    DomainError,
    InvalidCommand,
    NotFound,
    NotNow,
    NotSeller,
    Show,
    listing_id_for,
    show_id_for,
)
from livebid_catalog.processor import CatalogProcessor, Unavailable

T = TypeVar("T")

DEFAULT_DURATION_MS = 30_000
DEFAULT_COUNTER_TIME_MS = 10_000
DEFAULT_INCREMENT_TABLE = "whatnot-v1"
DEFAULT_FLASH_SALE_MS = 60_000
DEFAULT_GIVEAWAY_MS = 30_000

_CODES = {
    InvalidCommand: grpc.StatusCode.INVALID_ARGUMENT,
    NotFound: grpc.StatusCode.NOT_FOUND,
    NotSeller: grpc.StatusCode.PERMISSION_DENIED,
    NotNow: grpc.StatusCode.FAILED_PRECONDITION,
}
# Bidding's own verdicts pass through; its transport failures mean "retry later".
_UPSTREAM_TRANSIENT = {grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED}


async def _answer(context: grpc.aio.ServicerContext, call: Awaitable[T]) -> T:
    """Await a processor call, turning its refusals into gRPC statuses with the reason."""
    try:
        return await call
    except DomainError as exc:
        await context.abort(_CODES.get(type(exc), grpc.StatusCode.FAILED_PRECONDITION), str(exc))
    except grpc.aio.AioRpcError as exc:
        code = grpc.StatusCode.UNAVAILABLE if exc.code() in _UPSTREAM_TRANSIENT else exc.code()
        retry = code == grpc.StatusCode.UNAVAILABLE
        hint = "; retry with the same idempotency key" if retry else ""
        await context.abort(code, f"bidding: {exc.details()}{hint}")
    except Unavailable as exc:
        await context.abort(grpc.StatusCode.UNAVAILABLE, str(exc))
    raise AssertionError("unreachable: abort raises")


class CatalogApi(api_grpc.CatalogServiceServicer):  # type: ignore[misc]
    def __init__(self, processor: CatalogProcessor) -> None:
        self._processor = processor

    async def ScheduleShow(
        self, request: api_pb.ScheduleShowRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.ScheduleShowResponse:
        key = request.idempotency_key
        show_id = show_id_for(request.seller_id, key) if key else f"show-{uuid.uuid4()}"
        command = c.ScheduleShow(
            show_id,
            request.seller_id,
            request.title,
            request.stream_url,
            request.scheduled_start_ms,
        )
        return api_pb.ScheduleShowResponse(
            show_id=await _answer(context, self._processor.schedule_show(command))
        )

    async def AddListing(
        self, request: api_pb.AddListingRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.AddListingResponse:
        r, key = request, request.idempotency_key
        listing_id = (
            listing_id_for(r.seller_id, r.show_id, key) if key else f"listing-{uuid.uuid4()}"
        )
        currency = r.starting_price.currency
        if r.buy_now_price.currency not in ("", currency):
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "buy_now_price must be in the starting price's currency",
            )
        command = c.AddListing(
            listing_id=listing_id,
            show_id=r.show_id,
            seller_id=r.seller_id,
            title=r.title,
            description=r.description,
            photo_urls=tuple(r.photo_urls),
            category=r.category,
            size=r.size,
            brand=r.brand,
            condition=r.condition,
            quantity=r.quantity or 1,  # unset (0) means a single item, the common case
            starting_price_cents=r.starting_price.amount_cents,
            currency=currency,
            buy_now_price_cents=r.buy_now_price.amount_cents,
            shipping_profile=r.shipping_profile,
        )
        return api_pb.AddListingResponse(
            listing_id=await _answer(context, self._processor.add_listing(command))
        )

    async def StartShow(
        self, request: api_pb.StartShowRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.StartShowResponse:
        command = c.StartShow(request.show_id, request.seller_id)
        await _answer(context, self._processor.start_show(command))
        return api_pb.StartShowResponse()

    async def EndShow(
        self, request: api_pb.EndShowRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.EndShowResponse:
        command = c.EndShow(request.show_id, request.seller_id)
        await _answer(context, self._processor.end_show(command))
        return api_pb.EndShowResponse()

    async def PutUpForAuction(
        self, request: api_pb.PutUpForAuctionRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.PutUpForAuctionResponse:
        if (
            min(
                request.duration_ms,
                request.counter_time_ms,
                request.reserve_price_cents,
                request.opens_in_ms,
            )
            < 0
        ):
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "duration_ms, counter_time_ms, reserve_price_cents and opens_in_ms cannot be "
                "negative",
            )
        standard = request.format != api_pb.AUCTION_FORMAT_SUDDEN_DEATH
        terms = AuctionTerms(
            standard=standard,
            duration_ms=request.duration_ms or DEFAULT_DURATION_MS,
            counter_time_ms=request.counter_time_ms or (DEFAULT_COUNTER_TIME_MS if standard else 0),
            increment_table=request.increment_table or DEFAULT_INCREMENT_TABLE,
            reserve_price_cents=request.reserve_price_cents,
            require_verified_buyers=request.require_verified_buyers,
            # A scheduling parameter, not a decision: bidding compares it with log time.
            opens_at_ms=int(time.time() * 1000) + request.opens_in_ms if request.opens_in_ms else 0,
        )
        auction_id, deadline_ms = await _answer(
            context,
            self._processor.put_up_for_auction(
                request.seller_id, request.listing_id, request.idempotency_key, terms
            ),
        )
        return api_pb.PutUpForAuctionResponse(auction_id=auction_id, deadline_ms=deadline_ms)

    async def PutUpForFlashSale(
        self, request: api_pb.PutUpForFlashSaleRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.PutUpForFlashSaleResponse:
        r = request
        if min(r.price_cents, r.list_price_cents, r.quantity, r.per_buyer_limit, r.duration_ms) < 0:
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "price_cents, list_price_cents, quantity, per_buyer_limit and duration_ms "
                "cannot be negative",
            )
        command = c.PutUpForFlashSale(
            show_id=r.show_id,
            seller_id=r.seller_id,
            listing_id=r.listing_id,
            idempotency_key=r.idempotency_key,
            price_cents=r.price_cents,
            list_price_cents=r.list_price_cents,
            quantity=r.quantity,
            per_buyer_limit=r.per_buyer_limit or r.quantity,  # 0: no limit beyond the quantity
            duration_ms=r.duration_ms or DEFAULT_FLASH_SALE_MS,
            currency=r.currency,
        )
        sale_id, deadline_ms = await _answer(
            context, self._processor.put_up_for_flash_sale(command)
        )
        return api_pb.PutUpForFlashSaleResponse(sale_id=sale_id, deadline_ms=deadline_ms)

    async def PutUpForGiveaway(
        self, request: api_pb.PutUpForGiveawayRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.PutUpForGiveawayResponse:
        if request.duration_ms < 0:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "duration_ms cannot be negative")
        command = c.PutUpForGiveaway(
            show_id=request.show_id,
            seller_id=request.seller_id,
            listing_id=request.listing_id,
            idempotency_key=request.idempotency_key,
            duration_ms=request.duration_ms or DEFAULT_GIVEAWAY_MS,
            followers_only=request.followers_only,
            verified_only=request.verified_only,
        )
        giveaway_id, ends_at_ms = await _answer(
            context, self._processor.put_up_for_giveaway(command)
        )
        return api_pb.PutUpForGiveawayResponse(giveaway_id=giveaway_id, ends_at_ms=ends_at_ms)

    async def GetShow(
        self, request: api_pb.GetShowRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.GetShowResponse:
        show = self._processor.shows.get(request.show_id)
        if show is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no show {request.show_id}")
        assert show is not None
        return show_view(show)


def show_view(show: Show) -> api_pb.GetShowResponse:
    return api_pb.GetShowResponse(
        show_id=show.show_id,
        seller_id=show.seller_id,
        title=show.title,
        status=show.status,
        pinned_listing_id=show.pinned_listing_id,
        stream_url=show.stream_url,
        listings=[
            api_pb.ListingView(
                listing_id=li.listing_id,
                title=li.details.title,
                starting_price=money(li.details.starting_price_cents, li.details.currency),
                quantity=li.quantity,
                status=li.status,
                auction_id=li.auction_id,
                run_order=li.details.run_order,
                sale_id=li.sale_id,
                giveaway_id=li.giveaway_id,
            )
            for li in show.listings
        ],
    )
