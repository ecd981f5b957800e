"""gRPC API of bidding. Each mutating call appends a command to its aggregate's ordered
stream through the write side's gateway and answers with the processor's decision, so every
answer is definitive. Reads come from the fold of the private log (`Decisions`).

Run: python -m livebid_bidding api
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import grpc
from google.protobuf.message import Message
from livebid.bidding.v1 import bidding_service_pb2 as api_pb
from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc
from livebid.bidding.v1 import commands_pb2 as cmd_pb
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb

from livebid_bidding.answers import (
    auction_view,
    bid_response,
    buy_now_response,
    entry_response,
    giveaway_view,
    open_problem,
    purchase_response,
)
from livebid_bidding.domain.events import AuctionOpened, AuctionVoided
from livebid_bidding.write_side import AUCTIONS, FLASH_SALES, GIVEAWAYS
from livebid_platform.grpc_server import KEY_REUSED, request_digest
from livebid_platform.writeside import Decider, Decisions, Gateway, KeyReused, NoDecisionYet

Sync = Callable[[], Awaitable[None]]


class BiddingApi(api_grpc.BiddingServiceServicer):  # type: ignore[misc]
    def __init__(
        self,
        gateway: Gateway,
        decisions: Decisions,
        sync: Sync,
        exposure: Callable[[str], int] = lambda buyer_id: 0,
    ) -> None:
        self._gateway = gateway
        self._decisions = decisions
        # A buyer's unpaid and escrowed orders, from orders' public events: what counts
        # against a spending limit (the request's own figure is ignored; v1.0 clients sent it).
        self._exposure = exposure
        # Another API replica may have opened an aggregate this one has not folded yet:
        # before answering "not found", catch up with the log (read your writes).
        self._sync = sync

    def _owed(self, buyer_id: str, limit_cents: int) -> int:
        return self._exposure(buyer_id) if limit_cents > 0 else 0

    async def _state(self, decider: Decider, aggregate_id: str) -> Any:
        if (state := self._decisions.state(decider, aggregate_id)) is None:
            await self._sync()
            state = self._decisions.state(decider, aggregate_id)
        return state

    async def _submit(
        self,
        command: Message,
        command_id: str,
        aggregate_id: str,
        context: grpc.aio.ServicerContext,
    ) -> tuple[Any, Any]:
        """Append a command (unless already decided): (its first event, the state after)."""
        try:
            return await self._gateway.submit(
                command, command_id, aggregate_id, request_digest=request_digest(context)
            )
        except KeyReused:
            await context.abort(grpc.StatusCode.ABORTED, KEY_REUSED)
            raise
        except NoDecisionYet:
            await context.abort(
                grpc.StatusCode.UNAVAILABLE, "no decision yet; retry with the same idempotency key"
            )
            raise

    async def OpenAuction(
        self, request: api_pb.OpenAuctionRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.OpenAuctionResponse:
        cmd = request.command
        problem = open_problem(cmd)
        if problem:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, problem)
        command_id = cmd.command_id or f"open:{cmd.auction_id}"
        cmd.command_id = command_id
        if (existing := self._decisions.state(AUCTIONS, cmd.auction_id)) is not None:
            return api_pb.OpenAuctionResponse(
                auction_id=cmd.auction_id, deadline_ms=existing.deadline_ms
            )
        event, state = await self._submit(cmd, command_id, cmd.auction_id, context)
        assert isinstance(event, AuctionOpened)
        return api_pb.OpenAuctionResponse(
            auction_id=state.auction_id, deadline_ms=state.deadline_ms
        )

    async def PlaceBid(
        self, request: api_pb.PlaceBidRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.PlaceBidResponse:
        if not (request.auction_id and request.bidder_id and request.idempotency_key):
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "auction_id, bidder_id and idempotency_key are required",
            )
        if request.amount_cents < 0 or request.max_amount_cents < 0:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "amounts cannot be negative")
        # Keys are scoped to the bidder and the auction: two users, or one user on two
        # auctions, can never collide.
        command_id = f"bid:{request.bidder_id}:{request.auction_id}:{request.idempotency_key}"
        command = cmd_pb.PlaceBid(
            command_id=command_id,
            auction_id=request.auction_id,
            bidder_id=request.bidder_id,
            amount_cents=request.amount_cents,
            max_amount_cents=request.max_amount_cents,
            bidder_verified=request.bidder_verified,
            spending_limit_cents=request.spending_limit_cents,
            open_commitments_cents=self._owed(request.bidder_id, request.spending_limit_cents),
        )
        event, state = await self._submit(command, command_id, request.auction_id, context)
        return bid_response(event, state, request.bidder_id)

    async def VoidAuction(
        self, request: api_pb.VoidAuctionRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.VoidAuctionResponse:
        auction = await self._state(AUCTIONS, request.auction_id)
        if auction is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such auction")
        elif not auction.is_open:
            await context.abort(grpc.StatusCode.FAILED_PRECONDITION, f"auction is {auction.status}")
        command_id = f"void:{request.auction_id}"
        command = cmd_pb.VoidAuction(
            command_id=command_id,
            auction_id=request.auction_id,
            admin_id=request.admin_id,
            reason=request.reason,
        )
        event, _ = await self._submit(command, command_id, request.auction_id, context)
        if not isinstance(event, AuctionVoided):
            await context.abort(grpc.StatusCode.FAILED_PRECONDITION, "auction closed first")
        return api_pb.VoidAuctionResponse()

    async def GetAuction(
        self, request: api_pb.GetAuctionRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.GetAuctionResponse:
        auction = await self._state(AUCTIONS, request.auction_id)
        if auction is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such auction")
        assert auction is not None
        return auction_view(auction)

    async def BuyNow(
        self, request: api_pb.BuyNowRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.BuyNowResponse:
        if not (request.auction_id and request.buyer_id and request.idempotency_key):
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "auction_id, buyer_id and idempotency_key are required",
            )
        command_id = f"buynow:{request.buyer_id}:{request.auction_id}:{request.idempotency_key}"
        command = cmd_pb.BuyNow(
            command_id=command_id,
            auction_id=request.auction_id,
            buyer_id=request.buyer_id,
            bidder_verified=request.bidder_verified,
            spending_limit_cents=request.spending_limit_cents,
            open_commitments_cents=self._owed(request.buyer_id, request.spending_limit_cents),
        )
        return buy_now_response(
            *await self._submit(command, command_id, request.auction_id, context)
        )

    async def OpenFlashSale(
        self, request: api_pb.OpenFlashSaleRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.OpenFlashSaleResponse:
        cmd = request.command
        if (
            not (cmd.sale_id and cmd.seller_id and cmd.currency)
            or cmd.price_cents <= 0
            or cmd.quantity <= 0
            or cmd.per_buyer_limit <= 0
            or cmd.duration_ms <= 0
        ):
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "sale_id, seller_id, currency, and a positive price, quantity, "
                "per_buyer_limit and duration_ms are required",
            )
        cmd.command_id = cmd.command_id or f"open:{cmd.sale_id}"
        existing = self._decisions.state(FLASH_SALES, cmd.sale_id)
        if existing is None:
            _, existing = await self._submit(cmd, cmd.command_id, cmd.sale_id, context)
        return api_pb.OpenFlashSaleResponse(sale_id=cmd.sale_id, deadline_ms=existing.deadline_ms)

    async def BuyFlashSale(
        self, request: api_pb.BuyFlashSaleRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.BuyFlashSaleResponse:
        if (
            not (request.sale_id and request.buyer_id and request.idempotency_key)
            or request.quantity <= 0
        ):
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "sale_id, buyer_id, idempotency_key and a positive quantity are required",
            )
        command_id = f"buy:{request.buyer_id}:{request.sale_id}:{request.idempotency_key}"
        command = flash_pb.BuyFlashSale(
            command_id=command_id,
            sale_id=request.sale_id,
            buyer_id=request.buyer_id,
            quantity=request.quantity,
            spending_limit_cents=request.spending_limit_cents,
            open_commitments_cents=self._owed(request.buyer_id, request.spending_limit_cents),
        )
        return purchase_response(*await self._submit(command, command_id, request.sale_id, context))

    async def OpenGiveaway(
        self, request: api_pb.OpenGiveawayRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.OpenGiveawayResponse:
        cmd = request.command
        if not (cmd.giveaway_id and cmd.seller_id) or cmd.duration_ms <= 0:
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "giveaway_id, seller_id and a positive duration_ms are required",
            )
        cmd.command_id = cmd.command_id or f"open:{cmd.giveaway_id}"
        existing = self._decisions.state(GIVEAWAYS, cmd.giveaway_id)
        if existing is None:
            _, existing = await self._submit(cmd, cmd.command_id, cmd.giveaway_id, context)
        return api_pb.OpenGiveawayResponse(
            giveaway_id=cmd.giveaway_id, ends_at_ms=existing.ends_at_ms
        )

    async def EnterGiveaway(
        self, request: api_pb.EnterGiveawayRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.EnterGiveawayResponse:
        if not (request.giveaway_id and request.entrant_id and request.idempotency_key):
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "giveaway_id, entrant_id and idempotency_key are required",
            )
        command_id = f"enter:{request.entrant_id}:{request.giveaway_id}:{request.idempotency_key}"
        command = giveaway_pb.EnterGiveaway(
            command_id=command_id,
            giveaway_id=request.giveaway_id,
            entrant_id=request.entrant_id,
            is_follower=request.is_follower,
            verified=request.verified,
        )
        event, _ = await self._submit(command, command_id, request.giveaway_id, context)
        return entry_response(event)

    async def GetGiveaway(
        self, request: api_pb.GetGiveawayRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.GetGiveawayResponse:
        state = await self._state(GIVEAWAYS, request.giveaway_id)
        if state is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such giveaway")
        return giveaway_view(state)
