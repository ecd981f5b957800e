"""The catalog's port to bidding: open the sale a listing was put up for. Opening twice with
the same id is a no-op that answers with the first opening's deadline, so any step may be
retried, by the API or by the sale process manager, as often as needed."""

from __future__ import annotations

from typing import Protocol

import grpc
from livebid.bidding.v1 import bidding_service_pb2 as api_pb
from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc
from livebid.bidding.v1 import commands_pb2 as cmd_pb
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb
from livebid.bidding.v1 import public_events_pb2 as pub

from livebid_catalog.codec import money
from livebid_catalog.domain.events import (
    ListingPutUpForAuction,
    ListingPutUpForFlashSale,
    ListingPutUpForGiveaway,
    PutUp,
)

CALL_TIMEOUT_S = 15.0  # bidding itself waits up to 10 s for its processor's decision


class Bidding(Protocol):
    async def open_sale(self, put_up: PutUp) -> int:
        """Open the auction, flash sale or giveaway; its deadline (or end of entries) in ms.
        Errors surface as grpc.aio.AioRpcError."""


class BiddingClient:
    """Bidding's gRPC API."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        self._stub = api_grpc.BiddingServiceStub(channel)

    async def open_sale(self, put_up: PutUp) -> int:
        if isinstance(put_up, ListingPutUpForAuction):
            return await self._open_auction(put_up)
        if isinstance(put_up, ListingPutUpForFlashSale):
            return await self._open_flash_sale(put_up)
        return await self._open_giveaway(put_up)

    async def _open_auction(self, put_up: ListingPutUpForAuction) -> int:
        terms = put_up.terms
        command = cmd_pb.OpenAuction(
            command_id=f"open:{put_up.auction_id}",
            auction_id=put_up.auction_id,
            listing_id=put_up.listing_id,
            show_id=put_up.show_id,
            seller_id=put_up.seller_id,
            format=pub.FORMAT_STANDARD if terms.standard else pub.FORMAT_SUDDEN_DEATH,
            starting_price=money(put_up.starting_price_cents, put_up.currency),
            duration_ms=terms.duration_ms,
            counter_time_ms=terms.counter_time_ms,
            increment_table=terms.increment_table,
            reserve_price_cents=terms.reserve_price_cents,
            buy_now_price_cents=put_up.buy_now_price_cents,
            require_verified_buyers=terms.require_verified_buyers,
            opens_at_ms=terms.opens_at_ms,
            bid_rate_limit=terms.bid_rate_limit,
            bid_rate_window_ms=terms.bid_rate_window_ms,
        )
        response = await self._stub.OpenAuction(
            api_pb.OpenAuctionRequest(command=command), timeout=CALL_TIMEOUT_S
        )
        return int(response.deadline_ms)

    async def _open_flash_sale(self, put_up: ListingPutUpForFlashSale) -> int:
        sale = flash_pb.OpenFlashSale(
            command_id=f"open:{put_up.sale_id}",
            sale_id=put_up.sale_id,
            listing_id=put_up.listing_id,
            show_id=put_up.show_id,
            seller_id=put_up.seller_id,
            price_cents=put_up.price_cents,
            list_price_cents=put_up.list_price_cents,
            currency=put_up.currency,
            quantity=put_up.quantity,
            per_buyer_limit=put_up.per_buyer_limit,
            duration_ms=put_up.duration_ms,
        )
        response = await self._stub.OpenFlashSale(
            api_pb.OpenFlashSaleRequest(command=sale), timeout=CALL_TIMEOUT_S
        )
        return int(response.deadline_ms)

    async def _open_giveaway(self, put_up: ListingPutUpForGiveaway) -> int:
        giveaway = giveaway_pb.OpenGiveaway(
            command_id=f"open:{put_up.giveaway_id}",
            giveaway_id=put_up.giveaway_id,
            show_id=put_up.show_id,
            seller_id=put_up.seller_id,
            listing_id=put_up.listing_id,
            duration_ms=put_up.duration_ms,
            followers_only=put_up.followers_only,
            verified_only=put_up.verified_only,
        )
        response = await self._stub.OpenGiveaway(
            api_pb.OpenGiveawayRequest(command=giveaway), timeout=CALL_TIMEOUT_S
        )
        return int(response.ends_at_ms)
