"""gRPC API of bidding. Each mutating call appends a command to the auction's ordered stream
and waits for the processor's decision, so every answer is definitive.

Run: python -m livebid_bidding api
"""

from __future__ import annotations

import asyncio
import time

import grpc
from aiokafka import AIOKafkaProducer
from google.protobuf.message import Message
from livebid.bidding.v1 import bidding_service_pb2 as api_pb
from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc
from livebid.bidding.v1 import commands_pb2 as cmd_pb
from livebid.bidding.v1 import public_events_pb2 as pub

from livebid_bidding import codec
from livebid_bidding.api_sales import SalesMethods
from livebid_bidding.domain.auction import Auction
from livebid_bidding.domain.events import AuctionOpened, AuctionVoided, BidAccepted, BidRejected
from livebid_bidding.domain.increments import TABLES
from livebid_bidding.outcomes import Decision, Outcomes
from livebid_platform.envelope import envelope
from livebid_platform.producer import publish
from livebid_platform.topics import BIDDING_COMMANDS

SOURCE = "livebid.bidding.api"
DECISION_TIMEOUT_S = 10.0


class BiddingApi(SalesMethods, api_grpc.BiddingServiceServicer):  # type: ignore[misc]
    def __init__(self, producer: AIOKafkaProducer, outcomes: Outcomes) -> None:
        self._producer = producer
        self._outcomes = outcomes

    async def _submit(
        self, command: Message, command_id: str, auction_id: str, context: grpc.aio.ServicerContext
    ) -> Decision:
        """Append a command (unless already decided) and wait for its first event."""
        future = self._outcomes.waiter(command_id)
        try:
            if not future.done():
                env = envelope(
                    command,
                    event_id=command_id,
                    source=SOURCE,
                    subject=auction_id,
                    time_ms=int(time.time() * 1000),
                )
                await publish(self._producer, BIDDING_COMMANDS.name, env)
            return await asyncio.wait_for(asyncio.shield(future), DECISION_TIMEOUT_S)
        except TimeoutError:
            await context.abort(
                grpc.StatusCode.UNAVAILABLE, "no decision yet; retry with the same idempotency key"
            )
            raise
        finally:
            self._outcomes.forget_waiter(command_id, future)

    async def OpenAuction(
        self, request: api_pb.OpenAuctionRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.OpenAuctionResponse:
        cmd = request.command
        problem = _open_problem(cmd)
        if problem:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, problem)
        command_id = cmd.command_id or f"open:{cmd.auction_id}"
        cmd.command_id = command_id
        if (existing := self._outcomes.auction(cmd.auction_id)) is not None:
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
            open_commitments_cents=request.open_commitments_cents,
        )
        event, state = await self._submit(command, command_id, request.auction_id, context)
        return bid_response(event, state, request.bidder_id)

    async def VoidAuction(
        self, request: api_pb.VoidAuctionRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.VoidAuctionResponse:
        auction = self._outcomes.auction(request.auction_id)
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
        auction = self._outcomes.auction(request.auction_id)
        if auction is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such auction")
        assert auction is not None
        return auction_view(auction)


def _open_problem(cmd: cmd_pb.OpenAuction) -> str:
    if not (cmd.auction_id and cmd.listing_id and cmd.seller_id):
        return "auction_id, listing_id and seller_id are required"
    if cmd.starting_price.amount_cents <= 0 or not cmd.starting_price.currency:
        return "starting_price must be positive, with a currency"
    if cmd.duration_ms <= 0 or cmd.counter_time_ms < 0:
        return "duration_ms must be positive and counter_time_ms not negative"
    if cmd.format == pub.FORMAT_UNSPECIFIED:
        return "format is required"
    if cmd.increment_table not in TABLES:
        return f"increment_table must be one of {sorted(TABLES)}"
    return ""


def bid_response(event: object, state: Auction | None, bidder_id: str) -> api_pb.PlaceBidResponse:
    """The caller's answer. It never includes anyone's maximum."""
    response = api_pb.PlaceBidResponse()
    if state is not None:  # None: no such auction
        response.price.CopyFrom(
            codec.money(state.price_cents or state.starting_price_cents, state.currency)
        )
        response.leader_id = state.leader_id
        response.min_next_bid_cents = state.min_next_bid()
        response.deadline_ms = state.deadline_ms
        response.leading = state.leader_id == bidder_id
    if isinstance(event, BidAccepted):
        response.status = api_pb.BID_STATUS_ACCEPTED
        # Report the state right after this bid, not a later one folded since.
        response.price.amount_cents = event.price_cents
        response.leader_id = event.leader_id
        response.leading = event.leader_id == bidder_id
        response.deadline_ms = event.deadline_ms
    elif isinstance(event, BidRejected):
        response.status = api_pb.BID_STATUS_REJECTED
        response.reason = codec.REASONS[event.reason]
        if event.min_next_bid_cents:
            response.min_next_bid_cents = event.min_next_bid_cents
    return response


def auction_view(auction: Auction) -> api_pb.GetAuctionResponse:
    return api_pb.GetAuctionResponse(
        auction_id=auction.auction_id,
        listing_id=auction.listing_id,
        show_id=auction.show_id,
        status=auction.status,
        # Once sold, the price the item sold for (a buy-it-now differs from the last bid).
        price=codec.money(auction.sold_price_cents or auction.price_cents, auction.currency),
        leader_id=auction.leader_id,
        deadline_ms=auction.deadline_ms,
        bid_count=auction.bid_count,
        min_next_bid_cents=auction.min_next_bid(),
        winner_id=auction.winner_id,
    )
