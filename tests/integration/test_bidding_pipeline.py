"""Bidding through the real broker: the gRPC API appends commands, the processor decides."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from livebid.bidding.v1 import bidding_service_pb2 as api
from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc
from livebid.bidding.v1 import commands_pb2 as cmd
from livebid.bidding.v1 import public_events_pb2 as pub
from livebid.common.v1.money_pb2 import Money

from livebid_platform.devstack import DevStack

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def bidding(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevStack]:
    stack = DevStack(kafka_bootstrap, Path(tmp_path_factory.mktemp("bidding-logs")))
    stack.start("bidding-processor")
    stack.start("bidding-api")
    yield stack
    stack.stop_all()


def open_request(
    auction_id: str, duration_ms: int = 3000, counter_ms: int = 1000
) -> api.OpenAuctionRequest:
    return api.OpenAuctionRequest(
        command=cmd.OpenAuction(
            auction_id=auction_id,
            listing_id=f"l-{auction_id}",
            show_id="s1",
            seller_id="seller",
            format=pub.FORMAT_STANDARD,
            starting_price=Money(amount_cents=1000, currency="USD"),
            duration_ms=duration_ms,
            counter_time_ms=counter_ms,
            increment_table="whatnot-v1",
        )
    )


async def test_bids_get_definitive_answers_and_auction_closes(bidding: DevStack) -> None:
    async with grpc.aio.insecure_channel(bidding.addresses["bidding_grpc"]) as channel:
        stub = api_grpc.BiddingServiceStub(channel)
        auction_id = f"a-{uuid.uuid4().hex[:8]}"
        opened = await stub.OpenAuction(open_request(auction_id))

        def bid(bidder: str, amount: int, key: str) -> api.PlaceBidRequest:
            return api.PlaceBidRequest(
                auction_id=auction_id, bidder_id=bidder, amount_cents=amount, idempotency_key=key
            )

        first = await stub.PlaceBid(bid("alice", 1000, "k1"))
        assert first.status == api.BID_STATUS_ACCEPTED and first.leading
        low = await stub.PlaceBid(bid("bob", 1000, "k1"))
        assert low.status == api.BID_STATUS_REJECTED
        assert low.reason == pub.REJECTION_REASON_BELOW_MINIMUM and low.min_next_bid_cents == 1100
        again = await stub.PlaceBid(bid("alice", 1000, "k1"))  # a retry: same answer, no effect
        assert again.status == api.BID_STATUS_ACCEPTED
        second = await stub.PlaceBid(bid("bob", 1500, "k2"))
        assert second.leading and second.price.amount_cents == 1500

        while time.time() * 1000 < opened.deadline_ms + 3000:
            view = await stub.GetAuction(api.GetAuctionRequest(auction_id=auction_id))
            if view.status == "closed":
                break
            await asyncio.sleep(0.1)
        assert view.status == "closed" and view.winner_id == "bob"
        assert view.price.amount_cents == 1500 and view.bid_count == 2
