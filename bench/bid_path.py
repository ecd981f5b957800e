"""Livebid's bid path through the public API: edge HTTP -> bidding gRPC -> Kafka command ->
processor decision (transaction) -> private event -> the API's answer."""

from __future__ import annotations

import asyncio
import json
import time
import uuid

import grpc
import httpx
from aiokafka import AIOKafkaConsumer
from livebid.bidding.v1 import bidding_service_pb2 as api
from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc
from livebid.bidding.v1 import commands_pb2 as cmd
from livebid.bidding.v1 import public_events_pb2 as pub
from livebid.common.v1.money_pb2 import Money
from websockets.asyncio.client import connect

from livebid_platform.envelope import decode
from livebid_platform.topics import BIDDING_EVENTS
from livebid_sim.client import EdgeClient


async def open_auctions(
    bidding_grpc: str,
    count: int,
    duration_ms: int,
    fmt: int = pub.FORMAT_STANDARD,
    show_id: str = "bench",
) -> list[str]:
    ids = [f"bench-{uuid.uuid4().hex[:10]}" for _ in range(count)]
    async with grpc.aio.insecure_channel(bidding_grpc) as channel:
        stub = api_grpc.BiddingServiceStub(channel)
        await asyncio.gather(
            *(
                stub.OpenAuction(
                    api.OpenAuctionRequest(
                        command=cmd.OpenAuction(
                            auction_id=a,
                            listing_id=f"l-{a}",
                            show_id=show_id,
                            seller_id="bench-seller",
                            format=fmt,
                            starting_price=Money(amount_cents=100, currency="USD"),
                            duration_ms=duration_ms,
                            counter_time_ms=0 if fmt == pub.FORMAT_SUDDEN_DEATH else 1000,
                            increment_table="whatnot-v1",
                        )
                    )
                )
                for a in ids
            )
        )
    return ids


async def bidders(http: httpx.AsyncClient, count: int) -> list[EdgeClient]:
    return [await EdgeClient.sign_in(http, f"bench-bidder-{i}", ["buyer"]) for i in range(count)]


async def round_trips(edge_url: str, bidding_grpc: str, count: int) -> list[float]:
    """Sequential bids, two bidders taking turns, each at the minimum next bid; seconds each."""
    (auction_id,) = await open_auctions(bidding_grpc, 1, 3_600_000)
    async with httpx.AsyncClient(base_url=edge_url, timeout=30) as http:
        pair = await bidders(http, 2)
        amount = 100
        await pair[1].bid(auction_id, amount)  # warm-up: connections, first decision
        samples = []
        for i in range(count):
            amount = (
                (await pair[i % 2].auction(auction_id))["min_next_bid_cents"] if i == 0 else amount
            )
            started = time.perf_counter()
            answer = await pair[i % 2].bid(auction_id, amount)
            samples.append(time.perf_counter() - started)
            if answer["status"] != "accepted":
                raise RuntimeError(f"benchmark bid rejected: {answer}")
            amount = answer["min_next_bid_cents"]
        return samples


async def sustained(
    edge_url: str, bidding_grpc: str, seconds: float, concurrency: int, auctions: int
) -> float:
    """Definitive answers per second with `concurrency` bidders hammering `auctions` auctions."""
    ids = await open_auctions(bidding_grpc, auctions, 3_600_000)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=edge_url, timeout=30, limits=limits) as http:
        crowd = await bidders(http, concurrency)
        answers = 0
        stop_at = time.perf_counter() + seconds

        async def hammer(i: int) -> None:
            nonlocal answers
            auction_id = ids[i % auctions]
            amount = 100
            while time.perf_counter() < stop_at:
                answer = await crowd[i].bid(auction_id, amount)
                answers += 1
                amount = max(answer["min_next_bid_cents"], amount)

        started = time.perf_counter()
        await asyncio.gather(*(hammer(i) for i in range(concurrency)))
        return answers / (time.perf_counter() - started)


async def close_lateness(bootstrap: str, auction_ids: set[str], timeout_s: float) -> list[int]:
    """Milliseconds between each auction's deadline and its close, from the public events."""
    consumer = AIOKafkaConsumer(
        BIDDING_EVENTS.name,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    await consumer.start()
    late: dict[str, int] = {}
    try:
        give_up = time.monotonic() + timeout_s
        while len(late) < len(auction_ids) and time.monotonic() < give_up:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    message = decode(record.value, record.headers).message
                    if isinstance(message, pub.AuctionEnded) and message.auction_id in auction_ids:
                        late[message.auction_id] = message.closed_at_ms - message.deadline_ms
    finally:
        await consumer.stop()
    return list(late.values())


async def viewer_latencies(
    edge_url: str, bidding_grpc: str, notifications_http: str, count: int, viewers: int
) -> list[float]:
    """Seconds from placing a bid until EVERY viewer's live feed shows it as the high bid."""
    show_id = f"bench-show-{uuid.uuid4().hex[:8]}"
    (auction_id,) = await open_auctions(bidding_grpc, 1, 3_600_000, show_id=show_id)
    seen: list[dict[int, float]] = [{} for _ in range(viewers)]
    progress = asyncio.Event()

    async def watch(i: int, ready: asyncio.Event) -> None:
        url = f"ws://{notifications_http}/v1/shows/{show_id}/live"
        async with connect(url) as ws:
            ready.set()
            async for message in ws:
                state = json.loads(message)
                if state.get("auction_id") == auction_id:
                    seen[i].setdefault(state["price_cents"], time.perf_counter())
                    progress.set()

    readies = [asyncio.Event() for _ in range(viewers)]
    watchers = [asyncio.create_task(watch(i, readies[i])) for i in range(viewers)]
    await asyncio.gather(*(r.wait() for r in readies))
    samples = []
    async with httpx.AsyncClient(base_url=edge_url, timeout=30) as http:
        pair = await bidders(http, 2)
        amount = (await pair[0].auction(auction_id))["min_next_bid_cents"]
        for i in range(count):
            started = time.perf_counter()
            answer = await pair[i % 2].bid(auction_id, amount)
            while not all(amount in s for s in seen):
                progress.clear()
                if not all(amount in s for s in seen):
                    await asyncio.wait_for(progress.wait(), 10)
            samples.append(max(s[amount] for s in seen) - started)
            amount = answer["min_next_bid_cents"]
    for task in watchers:
        task.cancel()
    return samples
