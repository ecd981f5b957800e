"""All 628 real eBay auctions through the real pipeline: commands into Kafka, the bidding
processor deciding, public events out. eBay's US increment table, proxy (maximum) bids, a
hard deadline. Each auction keeps its bids in recorded order; its days of real time are
scaled down to seconds (the order decides the outcome under eBay's rules, not the spacing).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer
from google.protobuf.message import Message
from livebid.bidding.v1 import commands_pb2 as cmd
from livebid.bidding.v1 import public_events_pb2 as pub
from livebid.common.v1.money_pb2 import Money

from livebid_devtools.devstack import DevStack
from livebid_devtools.ebay_dataset import RecordedAuction, load_auctions
from livebid_platform.envelope import decode, envelope, to_headers
from livebid_platform.producer import durable_producer
from livebid_platform.topics import BIDDING_COMMANDS, BIDDING_EVENTS, ensure_topics

pytestmark = pytest.mark.integration
WINDOW_MS = 25_000  # every auction's (scaled) duration: long enough to append all bids


@pytest.fixture(scope="module")
def ebay_bootstrap(fresh_kafka) -> str:  # type: ignore[no-untyped-def]
    """A broker of its own: the replay's ten thousand bidding events would otherwise be a
    backlog that every later stack's notifications consumer must work through first."""
    bootstrap: str = fresh_kafka()
    return bootstrap


@pytest.fixture(scope="module")
def processor(ebay_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevStack]:
    asyncio.run(ensure_topics(ebay_bootstrap))
    stack = DevStack(ebay_bootstrap, Path(tmp_path_factory.mktemp("ebay-logs")))
    stack.start("bidding-processor")
    yield stack
    stack.stop_all()


def commands_for(auction: RecordedAuction, run: str) -> list[tuple[str, Message]]:
    auction_id = f"ebay-{run}-{auction.auction_id}"
    out: list[tuple[str, Message]] = [
        (
            auction_id,
            cmd.OpenAuction(
                command_id=f"open:{auction_id}",
                auction_id=auction_id,
                listing_id=auction.auction_id,
                show_id="ebay-replay",
                seller_id="ebay-seller",
                format=pub.FORMAT_SUDDEN_DEATH,
                starting_price=Money(
                    amount_cents=max(auction.opening_bid_cents, 1), currency="USD"
                ),
                duration_ms=WINDOW_MS,
                increment_table="ebay-us-v1",
            ),
        )
    ]
    for i, bid in enumerate(auction.bids):
        out.append(
            (
                auction_id,
                cmd.PlaceBid(
                    command_id=f"bid:{auction_id}:{i}",
                    auction_id=auction_id,
                    bidder_id=bid.bidder_id,
                    max_amount_cents=bid.max_cents,
                ),
            )
        )
    return out


async def replay(
    bootstrap: str, auctions: list[RecordedAuction], run: str
) -> dict[str, pub.AuctionEnded]:
    producer = durable_producer(bootstrap, linger_ms=5)
    await producer.start()
    started = time.time()
    try:
        # Interleave the auctions bid by bid, as many live shows would, keeping each one's order.
        streams = [commands_for(a, run) for a in auctions]
        for step in range(max(len(s) for s in streams)):
            for stream in streams:
                if step < len(stream):
                    key, message = stream[step]
                    env = envelope(
                        message,
                        event_id=message.command_id,
                        source="ebay-replay",  # type: ignore[attr-defined]
                        subject=key,
                        time_ms=int(time.time() * 1000),
                    )
                    await producer.send(
                        BIDDING_COMMANDS.name,
                        message.SerializeToString(),
                        key=env.key,
                        headers=to_headers(env),
                    )
        await producer.flush()
    finally:
        await producer.stop()
    assert time.time() - started < WINDOW_MS / 1000 / 2, "appending took too long for the window"
    return await collect_ends(bootstrap, {f"ebay-{run}-{a.auction_id}" for a in auctions}, 120)


async def collect_ends(
    bootstrap: str, ids: set[str], timeout_s: float
) -> dict[str, pub.AuctionEnded]:
    consumer = AIOKafkaConsumer(
        BIDDING_EVENTS.name,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
        group_id=f"ebay-check-{uuid.uuid4().hex[:6]}",
    )
    await consumer.start()
    ends: dict[str, pub.AuctionEnded] = {}
    try:
        give_up = time.monotonic() + timeout_s
        while len(ends) < len(ids) and time.monotonic() < give_up:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    message = decode(record.value, record.headers).message
                    if isinstance(message, pub.AuctionEnded) and message.auction_id in ids:
                        ends[message.auction_id] = message
    finally:
        await consumer.stop()
    return ends


def test_real_ebay_outcomes_through_kafka(
    processor: DevStack,
    ebay_bootstrap: str,
    report,  # type: ignore[no-untyped-def]
) -> None:
    auctions = load_auctions()
    run = uuid.uuid4().hex[:6]
    ends = asyncio.run(replay(ebay_bootstrap, auctions, run))
    assert len(ends) == len(auctions), f"only {len(ends)} of {len(auctions)} auctions closed"
    exact = winners = 0
    reproducible = [a for a in auctions if a.reproducible]
    for a in auctions:
        end = ends[f"ebay-{run}-{a.auction_id}"]
        winners += end.winner_id == a.expected_winner
        if (
            a.reproducible
            and end.winner_id == a.expected_winner
            and end.price.amount_cents == a.expected_price_cents
        ):
            exact += 1
    report(
        f"eBay replay through Kafka: price and winner exact {exact}/{len(reproducible)} "
        f"reproducible; winner right {winners}/{len(auctions)}"
    )
    assert exact == len(reproducible) == 594
    assert winners == len(auctions) == 628
