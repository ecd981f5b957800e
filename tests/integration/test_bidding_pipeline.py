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

from livebid_devtools.devstack import DevStack
from livebid_devtools.replay import record as record_topic
from livebid_platform.envelope import envelope, to_headers
from livebid_platform.producer import durable_producer
from livebid_platform.topics import BIDDING_COMMANDS, BIDDING_DEAD_LETTER

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


async def poison_then_bid(stack: DevStack, bootstrap: str) -> tuple[dict[str, str], int]:
    """Three bad commands straight onto the log, then a good one; returns DLQ reasons."""
    auction_id = f"poison-{uuid.uuid4().hex[:8]}"
    producer = durable_producer(bootstrap)
    await producer.start()
    try:
        key = auction_id.encode()
        await producer.send_and_wait(BIDDING_COMMANDS.name, b"\x00garbage", key=key)
        bad_table = cmd.OpenAuction(
            command_id=f"open:{auction_id}",
            auction_id=auction_id,
            listing_id="l",
            show_id="s",
            seller_id="x",
            format=pub.FORMAT_STANDARD,
            duration_ms=1000,
            starting_price=Money(amount_cents=100, currency="USD"),
            increment_table="nope-v9",
        )
        env = envelope(bad_table, event_id="p1", source="test", subject=auction_id, time_ms=0)
        await producer.send_and_wait(
            BIDDING_COMMANDS.name, bad_table.SerializeToString(), key=key, headers=to_headers(env)
        )
        headers = [(k, v) for k, v in to_headers(env) if k != "ce_type"]
        headers.append(("ce_type", b"livebid.bidding.v1.NoSuchCommand"))
        await producer.send_and_wait(BIDDING_COMMANDS.name, b"", key=key, headers=headers)
    finally:
        await producer.stop()
    async with grpc.aio.insecure_channel(stack.addresses["bidding_grpc"]) as channel:
        stub = api_grpc.BiddingServiceStub(channel)
        await stub.OpenAuction(open_request(auction_id))  # the processor kept going
        answer = await stub.PlaceBid(
            api.PlaceBidRequest(
                auction_id=auction_id, bidder_id="after", amount_cents=1000, idempotency_key="k"
            )
        )
    reasons = {}
    for record in await record_topic(bootstrap, BIDDING_DEAD_LETTER.name, {auction_id.encode()}):
        headers = dict(record.headers)
        reasons[headers["dlq_offset"].decode()] = headers["dlq_reason"].decode()
    return reasons, answer.status


def test_bad_commands_are_dead_lettered_and_processing_goes_on(
    bidding: DevStack, kafka_bootstrap: str
) -> None:
    reasons, status = asyncio.run(poison_then_bid(bidding, kafka_bootstrap))
    assert status == api.BID_STATUS_ACCEPTED
    assert len(reasons) == 3, reasons
    text = " | ".join(reasons.values())
    assert "missing CloudEvents headers" in text
    assert "unknown increment table" in text
    assert "unknown event type" in text
