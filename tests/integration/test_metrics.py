"""What an operator sees of a running platform: every service serves Prometheus metrics
(scraped after a short auction: bids by result and reason, decision latency, close
lateness, consumer lag, a dead letter), the images' health check passes, and one trace
runs from a client's request through three services to a buyer's notification."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from websockets.asyncio.client import connect

from livebid_devtools.devstack import DevStack
from livebid_platform.consumer import read_to_end
from livebid_platform.healthcheck import main as healthcheck
from livebid_platform.topics import (
    BIDDING_COMMANDS,
    BIDDING_EVENTS,
    CATALOG_COMMANDS,
    NOTIFICATIONS_INBOX,
)
from tests.integration.live_show import open_auction
from tests.integration.scrape import Samples, scrape, until, value

pytestmark = pytest.mark.integration


async def test_services_serve_the_series_an_operator_watches(platform: DevStack) -> None:
    run = uuid.uuid4().hex[:6]
    async with httpx.AsyncClient(base_url=platform.edge_url, timeout=30) as http:
        terms = {"format": "sudden_death", "duration_ms": 1_500}
        opened = await open_auction(http, platform, run, terms, buyers=1)
        bidder, auction = opened.buyers[0], opened.auction_id
        assert (await bidder.bid(auction, 1000))["status"] == "accepted"
        assert (await bidder.bid(auction, 900))["status"] == "rejected"

    def closed(samples: Samples) -> bool:
        return value(samples, "livebid_close_lateness_seconds_count", decider="auction") >= 1

    bidding = await until(platform, "bidding-processor", closed, "close")
    bids = {"write_side": "bidding", "command": "PlaceBid"}
    assert value(bidding, "livebid_commands_total", result="accepted", **bids) >= 1
    assert value(bidding, "livebid_commands_total", result="rejected", **bids) >= 1
    reasons = {dict(ls).get("reason") for n, ls in bidding if n == "livebid_commands_total"}
    assert "below_minimum" in reasons, reasons
    assert value(bidding, "livebid_decision_latency_seconds_count", write_side="bidding") >= 3
    assert any(
        n == "livebid_consumer_lag" and ("group", "bidding-processor") in ls for n, ls in bidding
    )

    # A poison command: the catalog dead-letters it (with its reason) and counts it.
    producer = AIOKafkaProducer(bootstrap_servers=platform.bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(CATALOG_COMMANDS.name, b"\x00poison", key=run.encode())
    finally:
        await producer.stop()

    def dead_lettered(samples: Samples) -> bool:
        return value(samples, "livebid_dead_letters_total", topic=CATALOG_COMMANDS.name) >= 1

    await until(platform, "catalog", dead_lettered, "dead letter")

    def lag_followed(samples: Samples) -> bool:
        return value(samples, "livebid_consumer_lag", group="orders-policy") >= 0 and any(
            n == "livebid_consumer_lag" and ("group", "orders-policy") in ls for n, ls in samples
        )

    await until(platform, "orders", lag_followed, "orders-policy lag")
    edge = await scrape(platform, "edge")  # every process serves the endpoint
    assert any(n.startswith("python_") or n.startswith("process_") for n, _ in edge)


def test_the_images_health_check_passes_on_running_services(platform: DevStack) -> None:
    assert healthcheck(["http", f"{platform.addresses['edge_http']}/healthz"]) == 0
    assert healthcheck(["grpc", platform.addresses["catalog_grpc"]]) == 0
    assert healthcheck(["http", f"{platform.metrics_bind('bidding-processor')}/metrics"]) == 0


async def test_one_trace_crosses_the_edge_bidding_and_notifications(platform: DevStack) -> None:
    """A client's `traceparent` on a bid reaches, through the edge's gRPC call, the command
    bidding's API appends, the events bidding's processor writes, and the outbid
    notification the notifications service writes for the buyer who lost the lead."""
    run = uuid.uuid4().hex[:6]
    trace_id = uuid.uuid4().hex
    traceparent = f"00-{trace_id}-{uuid.uuid4().hex[:16]}-01"
    async with httpx.AsyncClient(base_url=platform.edge_url, timeout=30) as http:
        terms = {"format": "sudden_death", "duration_ms": 60_000}
        opened = await open_auction(http, platform, run, terms)
        (alice, bob), auction = opened.buyers, opened.auction_id
        assert (await alice.bid(auction, 1000))["status"] == "accepted"
        reply = await http.post(
            f"/v1/auctions/{auction}/bids",
            json={"amount_cents": 1500, "max_amount_cents": 0},
            headers={
                "Authorization": f"Bearer {bob.token}",
                "Idempotency-Key": uuid.uuid4().hex,
                "traceparent": traceparent,
            },
        )
        assert reply.json()["status"] == "accepted", reply.text

    async def written_in_trace(topic: str) -> list[str]:
        """The CloudEvents sources of the records of `topic` that carry the trace."""
        return [
            dict(r.headers)["ce_source"].decode()
            async for r in read_to_end(platform.bootstrap, topic)
            if trace_id.encode() in dict(r.headers or ()).get("traceparent", b"")
        ]

    give_up = time.monotonic() + 30
    while True:
        found = {
            topic: await written_in_trace(topic)
            for topic in (BIDDING_COMMANDS.name, BIDDING_EVENTS.name, NOTIFICATIONS_INBOX.name)
        }
        if all(found.values()) or time.monotonic() > give_up:
            break
        await asyncio.sleep(0.5)
    assert all(found.values()), found  # bidding-api, bidding-processor, notifications
    assert len({source for sources in found.values() for source in sources}) >= 3, found


async def test_open_websockets_are_counted_while_they_are_open(platform: DevStack) -> None:
    url = f"ws://{platform.addresses['notifications_http']}/v1/shows/no-such-show-{uuid.uuid4().hex[:6]}/live"

    def viewers(samples: Samples) -> float:
        return value(samples, "livebid_websocket_connections", feed="live")

    before = viewers(await scrape(platform, "notifications"))
    async with connect(url, open_timeout=30), connect(url, open_timeout=30):
        await until(platform, "notifications", lambda s: viewers(s) == before + 2, "2 viewers")
    await until(platform, "notifications", lambda s: viewers(s) == before, "the viewers gone")
