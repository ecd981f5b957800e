"""gRPC API of the catalog: requests become commands to a show's ordered stream (through the
write side's gateway), refusals become status codes with the reason, and reads come from
the fold of the catalog's private log.

Run: python -m livebid_catalog
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import grpc
from livebid.catalog.internal.v1 import write_side_pb2 as internal
from livebid.catalog.v1 import catalog_service_pb2 as api_pb
from livebid.catalog.v1 import catalog_service_pb2_grpc as api_grpc

from livebid_catalog.codec import money
from livebid_catalog.domain import commands as c
from livebid_catalog.domain import follows
from livebid_catalog.domain.events import PutUp, sale_of
from livebid_catalog.domain.show import Show, listing_id_for, show_id_for
from livebid_catalog.sales import SaleOpener, SaleRefused
from livebid_catalog.view import CatalogView
from livebid_platform.grpc_server import KEY_REUSED, request_digest
from livebid_platform.writeside import Gateway, KeyReused, NoDecisionYet, NoEffect, Rejected
from livebid_platform.writeside.mirrored import to_proto

T = TypeVar("T")
Sync = Callable[[], Awaitable[None]]

DEFAULT_DURATION_MS = 30_000
DEFAULT_COUNTER_TIME_MS = 10_000
DEFAULT_INCREMENT_TABLE = "whatnot-v1"
DEFAULT_FLASH_SALE_MS = 60_000
DEFAULT_GIVEAWAY_MS = 30_000

# The show decider's refusal codes (codec.DECIDER.refusals) as gRPC statuses.
_CODES = {
    "invalid": grpc.StatusCode.INVALID_ARGUMENT,
    "not_found": grpc.StatusCode.NOT_FOUND,
    "not_seller": grpc.StatusCode.PERMISSION_DENIED,
    "not_now": grpc.StatusCode.FAILED_PRECONDITION,
}
# Bidding's own verdicts pass through; its transport failures mean "retry later".
_UPSTREAM_TRANSIENT = {grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED}


async def _answer(context: grpc.aio.ServicerContext, call: Awaitable[T]) -> T:
    """Await a command's outcome, turning refusals into gRPC statuses with the reason."""
    try:
        return await call
    except SaleRefused as exc:
        refused = exc.__cause__
        code = refused.code() if isinstance(refused, grpc.aio.AioRpcError) else None
        await context.abort(code or grpc.StatusCode.FAILED_PRECONDITION, f"bidding: {exc}")
    except grpc.aio.AioRpcError as exc:
        code = grpc.StatusCode.UNAVAILABLE if exc.code() in _UPSTREAM_TRANSIENT else exc.code()
        hint = (
            "; retry with the same idempotency key" if code == grpc.StatusCode.UNAVAILABLE else ""
        )
        await context.abort(code, f"bidding: {exc.details()}{hint}")
    except KeyReused:
        await context.abort(grpc.StatusCode.ABORTED, KEY_REUSED)
    except NoDecisionYet:
        await context.abort(
            grpc.StatusCode.UNAVAILABLE, "no decision yet; retry with the same idempotency key"
        )
    raise AssertionError("unreachable: abort raises")


def _command_id(kind: str, scope: str, idempotency_key: str) -> str:
    """Keyed requests get the same id on every retry; others are new each time. The scope
    names the seller: another seller's request with the same key is a command of its own
    (it is decided, and refused, not answered with someone else's decision)."""
    return f"{kind}:{scope}:{idempotency_key or uuid.uuid4()}"


class CatalogApi(api_grpc.CatalogServiceServicer):  # type: ignore[misc]
    def __init__(self, gateway: Gateway, view: CatalogView, opener: SaleOpener, sync: Sync) -> None:
        self._gateway = gateway
        self._view = view
        self._opener = opener
        # Another replica may have decided a command this one has not folded yet: before
        # answering "not found", catch up with everything appended so far (read your writes).
        self._sync = sync

    async def _show(self, show_id: str) -> Show | None:
        if (show := self._view.show(show_id)) is None:
            await self._sync()
            show = self._view.show(show_id)
        return show

    async def _decide(
        self,
        command: Any,
        command_id: str,
        context: grpc.aio.ServicerContext,
        aggregate_id: str = "",
    ) -> Any:
        """Send a domain command to its aggregate (by default its show); the first event it
        caused (None: no effect)."""
        submitted = self._gateway.submit(
            to_proto(command, internal),
            command_id,
            aggregate_id or command.show_id,
            request_digest=request_digest(context),
        )
        event, _ = await _answer(context, submitted)
        if isinstance(event, Rejected):
            await context.abort(
                _CODES.get(event.code, grpc.StatusCode.FAILED_PRECONDITION), event.reason
            )
        return None if isinstance(event, NoEffect) else event

    async def _show_id(
        self, show_id: str, listing_id: str, context: grpc.aio.ServicerContext
    ) -> str:
        """The show named in a request (the listing must then be in it), else the listing's."""
        if show_id:
            return show_id
        show = self._view.show_of_listing(listing_id)
        if show is None:
            await self._sync()
            show = self._view.show_of_listing(listing_id)
        if show is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no listing {listing_id}")
        assert show is not None
        return show.show_id

    async def _put_up(
        self, command: Any, command_id: str, context: grpc.aio.ServicerContext
    ) -> tuple[str, int]:
        """Reserve the listing (the catalog's decision), then open its sale in bidding."""
        put_up: PutUp | None = await self._decide(command, command_id, context)
        if put_up is None:  # only if the decision was evicted from the read model
            await context.abort(grpc.StatusCode.UNAVAILABLE, "retry with the same idempotency key")
        assert put_up is not None
        return sale_of(put_up), await _answer(context, self._opener.open_once(put_up))

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
        await self._decide(command, f"schedule:{show_id}", context)
        return api_pb.ScheduleShowResponse(show_id=show_id)

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
        await self._decide(command, f"add:{listing_id}", context)
        return api_pb.AddListingResponse(listing_id=listing_id)

    async def StartShow(
        self, request: api_pb.StartShowRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.StartShowResponse:
        command = c.StartShow(request.show_id, request.seller_id)
        # Starting a live show again changes nothing: no key needed, a new id each time.
        await self._decide(command, _command_id("start", request.show_id, ""), context)
        return api_pb.StartShowResponse()

    async def EndShow(
        self, request: api_pb.EndShowRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.EndShowResponse:
        command = c.EndShow(request.show_id, request.seller_id)
        await self._decide(command, _command_id("end", request.show_id, ""), context)
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
        terms = c.AuctionTerms(
            standard=standard,
            duration_ms=request.duration_ms or DEFAULT_DURATION_MS,
            counter_time_ms=request.counter_time_ms or (DEFAULT_COUNTER_TIME_MS if standard else 0),
            increment_table=request.increment_table or DEFAULT_INCREMENT_TABLE,
            reserve_price_cents=request.reserve_price_cents,
            require_verified_buyers=request.require_verified_buyers,
            # A scheduling parameter, not a decision: bidding compares it with log time.
            opens_at_ms=int(time.time() * 1000) + request.opens_in_ms if request.opens_in_ms else 0,
        )
        command = c.PutUpForAuction(
            await self._show_id("", request.listing_id, context),
            request.seller_id,
            request.listing_id,
            request.idempotency_key,
            terms,
        )
        command_id = _command_id(
            "put-up", f"{request.seller_id}:{request.listing_id}", request.idempotency_key
        )
        auction_id, deadline_ms = await self._put_up(command, command_id, context)
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
            show_id=await self._show_id(r.show_id, r.listing_id, context),
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
        command_id = _command_id("flash-sale", f"{r.seller_id}:{r.listing_id}", r.idempotency_key)
        sale_id, deadline_ms = await self._put_up(command, command_id, context)
        return api_pb.PutUpForFlashSaleResponse(sale_id=sale_id, deadline_ms=deadline_ms)

    async def PutUpForGiveaway(
        self, request: api_pb.PutUpForGiveawayRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.PutUpForGiveawayResponse:
        if request.duration_ms < 0:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "duration_ms cannot be negative")
        command = c.PutUpForGiveaway(
            show_id=await self._show_id(request.show_id, request.listing_id, context),
            seller_id=request.seller_id,
            listing_id=request.listing_id,
            idempotency_key=request.idempotency_key,
            duration_ms=request.duration_ms or DEFAULT_GIVEAWAY_MS,
            followers_only=request.followers_only,
            verified_only=request.verified_only,
        )
        command_id = _command_id(
            "giveaway", f"{request.seller_id}:{request.listing_id}", request.idempotency_key
        )
        giveaway_id, ends_at_ms = await self._put_up(command, command_id, context)
        return api_pb.PutUpForGiveawayResponse(giveaway_id=giveaway_id, ends_at_ms=ends_at_ms)

    async def GetShow(
        self, request: api_pb.GetShowRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.GetShowResponse:
        show = await self._show(request.show_id)
        if show is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no show {request.show_id}")
        assert show is not None
        return show_view(show)

    async def FollowSeller(
        self, request: api_pb.FollowSellerRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.FollowSellerResponse:
        command = follows.FollowSeller(request.seller_id, request.buyer_id, 0)
        changed = await self._follow(command, "follow", context)
        return api_pb.FollowSellerResponse(changed=changed)

    async def UnfollowSeller(
        self, request: api_pb.UnfollowSellerRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.UnfollowSellerResponse:
        command = follows.UnfollowSeller(request.seller_id, request.buyer_id, 0)
        changed = await self._follow(command, "unfollow", context)
        return api_pb.UnfollowSellerResponse(changed=changed)

    async def _follow(
        self, command: follows.Command, kind: str, context: grpc.aio.ServicerContext
    ) -> bool:
        if not (command.seller_id and command.buyer_id):
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "seller_id and buyer_id needed")
        # Following is a set, so a retry needs no key: a new command id each time is safe.
        command_id = _command_id(kind, f"{command.seller_id}/{command.buyer_id}", "")
        event = await self._decide(command, command_id, context, command.seller_id)
        return event is not None


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
