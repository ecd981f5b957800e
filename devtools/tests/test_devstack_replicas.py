"""Two replicas each of the bidding processor and API: bids are answered after one API dies."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import grpc
import pytest
from livebid.bidding.v1 import bidding_service_pb2 as api
from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc
from livebid.bidding.v1 import commands_pb2 as cmd
from livebid.bidding.v1 import public_events_pb2 as pub
from livebid.common.v1.money_pb2 import Money

from livebid_devtools.devstack import DevStack
from livebid_platform.grpc_server import client_channel

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def bidding(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevStack]:
    replicas = {"bidding-processor": 2, "bidding-api": 2}
    stack = DevStack(kafka_bootstrap, tmp_path_factory.mktemp("replica-logs"), replicas=replicas)
    try:
        for key in ("bidding-processor", "bidding-processor#1", "bidding-api", "bidding-api#1"):
            stack.start(key)
        yield stack
    finally:
        stack.stop_all()


def open_auction(auction_id: str) -> api.OpenAuctionRequest:
    return api.OpenAuctionRequest(
        command=cmd.OpenAuction(
            auction_id=auction_id,
            listing_id=f"l-{auction_id}",
            show_id="s1",
            seller_id="seller",
            format=pub.FORMAT_STANDARD,
            starting_price=Money(amount_cents=1000, currency="USD"),
            duration_ms=60_000,
            counter_time_ms=1000,
            increment_table="whatnot-v1",
        )
    )


async def place_bid_retrying_unavailable(stub: Any, request: Any) -> Any:
    """A call already on its way to the replica that died fails UNAVAILABLE (the
    connection was reset under it); a client retries it with the same idempotency key, as
    the edge's clients do, and the live replica answers."""
    for attempt in range(3):
        try:
            return await stub.PlaceBid(request, timeout=30, wait_for_ready=True)
        except grpc.aio.AioRpcError as exc:
            if exc.code() != grpc.StatusCode.UNAVAILABLE or attempt == 2:
                raise
    raise AssertionError("unreachable")


async def test_bids_are_answered_by_the_live_replica_after_one_is_killed(
    bidding: DevStack,
) -> None:
    assert set(bidding.processes) == {
        "bidding-processor",
        "bidding-processor#1",
        "bidding-api",
        "bidding-api#1",
    }
    assert bidding.addresses["bidding_grpc"].startswith("ipv4:")
    assert (bidding.log_dir / "bidding-api.1.log").exists()
    async with client_channel(bidding.addresses["bidding_grpc"]) as channel:
        stub = api_grpc.BiddingServiceStub(channel)
        auction_id = f"a-{uuid.uuid4().hex[:8]}"
        await stub.OpenAuction(open_auction(auction_id), timeout=30)
        bidding.kill("bidding-api#1")
        for n in range(4):  # round robin would have sent every other call to the dead one
            request = api.PlaceBidRequest(
                auction_id=auction_id,
                bidder_id=f"bidder-{n}",
                amount_cents=2000 + 500 * n,
                idempotency_key=f"k{n}",
            )
            reply = await place_bid_retrying_unavailable(stub, request)
            assert reply.status == api.BID_STATUS_ACCEPTED
