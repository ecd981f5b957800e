"""gRPC methods for buy-it-now, flash sales and giveaways (mixed into the bidding API)."""

from __future__ import annotations

from typing import Any

import grpc
from livebid.bidding.v1 import bidding_service_pb2 as api_pb
from livebid.bidding.v1 import commands_pb2 as cmd_pb
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb

from livebid_bidding import codec
from livebid_bidding.domain import flash_sale as fs
from livebid_bidding.domain import giveaway as gw
from livebid_bidding.domain.events import AuctionClosed, BidRejected


class SalesMethods:
    """Needs `_submit(command, command_id, aggregate_id, context)` and `_outcomes`."""

    _outcomes: Any

    async def _submit(
        self, command: Any, command_id: str, aggregate: str, context: grpc.aio.ServicerContext
    ) -> Any:
        raise NotImplementedError

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
            open_commitments_cents=request.open_commitments_cents,
        )
        event, state = await self._submit(command, command_id, request.auction_id, context)
        if isinstance(event, AuctionClosed) and event.buy_now:
            return api_pb.BuyNowResponse(
                status=api_pb.BID_STATUS_ACCEPTED,
                price=codec.money(event.price_cents, state.currency),
            )
        reason = event.reason if isinstance(event, BidRejected) else None
        return api_pb.BuyNowResponse(
            status=api_pb.BID_STATUS_REJECTED,
            reason=codec.REASONS[reason] if reason else 0,
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
        existing = self._outcomes.flash_sale(cmd.sale_id)
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
            open_commitments_cents=request.open_commitments_cents,
        )
        event, state = await self._submit(command, command_id, request.sale_id, context)
        if isinstance(event, fs.FlashSalePurchased):
            return api_pb.BuyFlashSaleResponse(
                status=api_pb.BID_STATUS_ACCEPTED,
                remaining=event.remaining,
                quantity=event.quantity,
                unit_price=codec.money(event.unit_price_cents, state.currency),
            )
        assert isinstance(event, fs.FlashSalePurchaseRejected)
        return api_pb.BuyFlashSaleResponse(
            status=api_pb.BID_STATUS_REJECTED,
            remaining=event.remaining,
            reason=codec.mirrored_to_proto(event).reason,
        )

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
        existing = self._outcomes.giveaway(cmd.giveaway_id)
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
        if isinstance(event, gw.GiveawayEntered):
            return api_pb.EnterGiveawayResponse(
                status=api_pb.BID_STATUS_ACCEPTED, entrant_number=event.entrant_number
            )
        return api_pb.EnterGiveawayResponse(
            status=api_pb.BID_STATUS_REJECTED, reason=codec.mirrored_to_proto(event).reason
        )

    async def GetGiveaway(
        self, request: api_pb.GetGiveawayRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.GetGiveawayResponse:
        state = self._outcomes.giveaway(request.giveaway_id)
        if state is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such giveaway")
        return api_pb.GetGiveawayResponse(
            giveaway_id=state.giveaway_id,
            status="drawn" if state.drawn else "open",
            entrant_count=len(state.entrants),
            winner_id=state.winner_id,
            seed=state.seed,
            algorithm=gw.DRAW_ALGORITHM,
            ends_at_ms=state.ends_at_ms,
            seller_id=state.seller_id,
            followers_only=state.followers_only,
            verified_only=state.verified_only,
        )
