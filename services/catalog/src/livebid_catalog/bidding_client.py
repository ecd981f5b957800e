"""The catalog's port to bidding: open an auction, a flash sale or a giveaway for a listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import grpc
from livebid.bidding.v1 import bidding_service_pb2 as api_pb
from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc
from livebid.bidding.v1 import commands_pb2 as cmd_pb
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb
from livebid.bidding.v1 import public_events_pb2 as pub

from livebid_catalog.codec import money
from livebid_catalog.domain.commands import PutUpForFlashSale, PutUpForGiveaway
from livebid_catalog.domain.show import Listing, Show

CALL_TIMEOUT_S = 15.0  # bidding itself waits up to 10 s for its processor's decision


@dataclass(frozen=True)
class AuctionTerms:
    """How the seller wants this auction run (defaults already applied)."""

    standard: bool  # False: sudden death
    duration_ms: int
    counter_time_ms: int
    increment_table: str
    reserve_price_cents: int
    require_verified_buyers: bool
    # Log time bidding goes live (pre-bids before it); 0 = at once.
    opens_at_ms: int = 0
    # The product's anti-flooding default: per buyer, per auction, in log time.
    bid_rate_limit: int = 10
    bid_rate_window_ms: int = 1000


class Auctions(Protocol):
    async def open(self, auction_id: str, show: Show, listing: Listing, terms: AuctionTerms) -> int:
        """Open the auction (a no-op if it is open already); its deadline in ms."""

    async def deadline(self, auction_id: str) -> int:
        """The auction's current deadline in ms."""


class Bidding(Auctions, Protocol):
    """Everything the catalog asks of bidding. Opening twice with the same id is a no-op
    that answers with the first opening's deadline, so a retry can always ask again."""

    async def open_flash_sale(
        self, sale_id: str, show: Show, listing: Listing, command: PutUpForFlashSale
    ) -> int:
        """Open the flash sale; its deadline in ms."""

    async def open_giveaway(
        self, giveaway_id: str, show: Show, listing: Listing, command: PutUpForGiveaway
    ) -> int:
        """Open the giveaway; the end of its entry window in ms."""


class BiddingClient:
    """Auctions, flash sales and giveaways over bidding's gRPC API. Errors surface as
    grpc.aio.AioRpcError."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        self._stub = api_grpc.BiddingServiceStub(channel)

    async def open(self, auction_id: str, show: Show, listing: Listing, terms: AuctionTerms) -> int:
        details = listing.details
        command = cmd_pb.OpenAuction(
            command_id=f"open:{auction_id}",
            auction_id=auction_id,
            listing_id=listing.listing_id,
            show_id=show.show_id,
            seller_id=show.seller_id,
            format=pub.FORMAT_STANDARD if terms.standard else pub.FORMAT_SUDDEN_DEATH,
            starting_price=money(details.starting_price_cents, details.currency),
            duration_ms=terms.duration_ms,
            counter_time_ms=terms.counter_time_ms,
            increment_table=terms.increment_table,
            reserve_price_cents=terms.reserve_price_cents,
            buy_now_price_cents=details.buy_now_price_cents,
            require_verified_buyers=terms.require_verified_buyers,
            opens_at_ms=terms.opens_at_ms,
            bid_rate_limit=terms.bid_rate_limit,
            bid_rate_window_ms=terms.bid_rate_window_ms,
        )
        response = await self._stub.OpenAuction(
            api_pb.OpenAuctionRequest(command=command), timeout=CALL_TIMEOUT_S
        )
        return int(response.deadline_ms)

    async def deadline(self, auction_id: str) -> int:
        response = await self._stub.GetAuction(
            api_pb.GetAuctionRequest(auction_id=auction_id), timeout=CALL_TIMEOUT_S
        )
        return int(response.deadline_ms)

    async def open_flash_sale(
        self, sale_id: str, show: Show, listing: Listing, command: PutUpForFlashSale
    ) -> int:
        sale = flash_pb.OpenFlashSale(
            command_id=f"open:{sale_id}",
            sale_id=sale_id,
            listing_id=listing.listing_id,
            show_id=show.show_id,
            seller_id=show.seller_id,
            price_cents=command.price_cents,
            list_price_cents=command.list_price_cents,
            currency=listing.details.currency,
            quantity=command.quantity,
            per_buyer_limit=command.per_buyer_limit,
            duration_ms=command.duration_ms,
        )
        response = await self._stub.OpenFlashSale(
            api_pb.OpenFlashSaleRequest(command=sale), timeout=CALL_TIMEOUT_S
        )
        return int(response.deadline_ms)

    async def open_giveaway(
        self, giveaway_id: str, show: Show, listing: Listing, command: PutUpForGiveaway
    ) -> int:
        giveaway = giveaway_pb.OpenGiveaway(
            command_id=f"open:{giveaway_id}",
            giveaway_id=giveaway_id,
            show_id=show.show_id,
            seller_id=show.seller_id,
            listing_id=listing.listing_id,
            duration_ms=command.duration_ms,
            followers_only=command.followers_only,
            verified_only=command.verified_only,
        )
        response = await self._stub.OpenGiveaway(
            api_pb.OpenGiveawayRequest(command=giveaway), timeout=CALL_TIMEOUT_S
        )
        return int(response.ends_at_ms)
