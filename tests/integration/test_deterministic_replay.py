"""Record the command stream of a busy session, replay it into a fresh broker, and show the
events the processor writes there are identical, byte for byte, headers included."""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from livebid.bidding.v1 import bidding_service_pb2 as api
from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc
from livebid.bidding.v1 import commands_pb2 as cmd
from livebid.bidding.v1 import flash_sales_pb2 as flash
from livebid.bidding.v1 import giveaways_pb2 as give
from livebid.bidding.v1 import public_events_pb2 as pub
from livebid.common.v1.money_pb2 import Money

from livebid_devtools.devstack import DevStack
from livebid_devtools.replay import Recorded, record, replay
from livebid_platform.topics import BIDDING_COMMANDS, BIDDING_EVENTS, BIDDING_INTERNAL

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def bidding(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevStack]:
    stack = DevStack(kafka_bootstrap, Path(tmp_path_factory.mktemp("replay-logs")))
    stack.start("bidding-processor")
    stack.start("bidding-api")
    yield stack
    stack.stop_all()


def auction(
    auction_id: str,
    fmt: int,
    duration: int,
    table: str = "whatnot-v1",
    reserve: int = 0,
    buy_now: int = 0,
) -> api.OpenAuctionRequest:
    return api.OpenAuctionRequest(
        command=cmd.OpenAuction(
            auction_id=auction_id,
            listing_id=f"l-{auction_id}",
            show_id="replay-show",
            seller_id="seller",
            format=fmt,
            starting_price=Money(amount_cents=500, currency="USD"),
            duration_ms=duration,
            counter_time_ms=800 if fmt == pub.FORMAT_STANDARD else 0,
            increment_table=table,
            reserve_price_cents=reserve,
            buy_now_price_cents=buy_now,
        )
    )


async def busy_session(address: str, run: str) -> set[str]:
    """Several formats at once, twenty bidders; returns the aggregate ids it touched."""
    rng = random.Random(42)
    ids = {k: f"{k}-{run}" for k in ("std", "ebay", "sudden", "bin", "flash", "give")}
    async with grpc.aio.insecure_channel(address) as channel:
        stub = api_grpc.BiddingServiceStub(channel)
        await stub.OpenAuction(auction(ids["std"], pub.FORMAT_STANDARD, 2500))
        await stub.OpenAuction(
            auction(ids["ebay"], pub.FORMAT_STANDARD, 2500, "ebay-us-v1", reserve=900)
        )
        await stub.OpenAuction(auction(ids["sudden"], pub.FORMAT_SUDDEN_DEATH, 2000))
        await stub.OpenAuction(auction(ids["bin"], pub.FORMAT_STANDARD, 2500, buy_now=2500))
        await stub.OpenFlashSale(
            api.OpenFlashSaleRequest(
                command=flash.OpenFlashSale(
                    sale_id=ids["flash"],
                    listing_id="l-flash",
                    show_id="replay-show",
                    seller_id="seller",
                    price_cents=1000,
                    currency="USD",
                    quantity=5,
                    per_buyer_limit=2,
                    duration_ms=1500,
                )
            )
        )
        await stub.OpenGiveaway(
            api.OpenGiveawayRequest(
                command=give.OpenGiveaway(
                    giveaway_id=ids["give"],
                    show_id="replay-show",
                    seller_id="seller",
                    listing_id="l-give",
                    duration_ms=1500,
                )
            )
        )

        async def bidder(n: int) -> None:
            me = f"b{n:02d}"
            for step in range(12):
                target = rng.choice([ids["std"], ids["ebay"], ids["sudden"], ids["bin"]])
                view = await stub.GetAuction(api.GetAuctionRequest(auction_id=target))
                amount = view.min_next_bid_cents
                if step == 6 and target == ids["bin"]:
                    await stub.BuyNow(
                        api.BuyNowRequest(
                            auction_id=target, buyer_id=me, idempotency_key=f"bn{step}"
                        )
                    )
                elif rng.random() < 0.3:
                    await stub.PlaceBid(
                        api.PlaceBidRequest(
                            auction_id=target,
                            bidder_id=me,
                            max_amount_cents=amount + rng.randrange(0, 900),
                            idempotency_key=f"k{step}",
                        )
                    )
                else:
                    await stub.PlaceBid(
                        api.PlaceBidRequest(
                            auction_id=target,
                            bidder_id=me,
                            amount_cents=amount,
                            idempotency_key=f"k{step}",
                        )
                    )
                if step < 3:
                    await stub.BuyFlashSale(
                        api.BuyFlashSaleRequest(
                            sale_id=ids["flash"],
                            buyer_id=me,
                            quantity=1,
                            idempotency_key=f"f{step}",
                        )
                    )
                    await stub.EnterGiveaway(
                        api.EnterGiveawayRequest(
                            giveaway_id=ids["give"], entrant_id=me, idempotency_key=f"g{step}"
                        )
                    )
                await asyncio.sleep(rng.uniform(0.02, 0.15))

        await asyncio.gather(*(bidder(n) for n in range(20)))
        for auction_key in ("std", "ebay", "sudden", "bin"):  # wait for every close
            for _ in range(200):
                view = await stub.GetAuction(api.GetAuctionRequest(auction_id=ids[auction_key]))
                if view.status != "open":
                    break
                await asyncio.sleep(0.1)
        for _ in range(100):
            drawn = await stub.GetGiveaway(api.GetGiveawayRequest(giveaway_id=ids["give"]))
            if drawn.status == "drawn":
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)  # the flash sale's close
    return set(ids.values())


def by_partition(
    records: list[Recorded],
) -> dict[int, list[tuple[bytes, bytes, tuple[tuple[str, bytes], ...]]]]:
    out: dict[int, list[tuple[bytes, bytes, tuple[tuple[str, bytes], ...]]]] = {}
    for r in records:
        out.setdefault(r.partition, []).append((r.key, r.value, r.headers))
    return out


async def wait_for_events(
    bootstrap: str, keys: set[bytes], expected: int, timeout_s: float
) -> None:
    give_up = time.monotonic() + timeout_s
    while time.monotonic() < give_up:
        if len(await record(bootstrap, BIDDING_INTERNAL.name, keys)) >= expected:
            return
        await asyncio.sleep(0.5)


def test_replayed_commands_produce_identical_events(
    bidding: DevStack,
    kafka_bootstrap: str,
    fresh_kafka,
    tmp_path: Path,
    report,  # type: ignore[no-untyped-def]
) -> None:
    run = uuid.uuid4().hex[:6]
    ids = asyncio.run(busy_session(bidding.addresses["bidding_grpc"], run))
    keys = {i.encode() for i in ids}
    commands = asyncio.run(record(kafka_bootstrap, BIDDING_COMMANDS.name, keys))
    original = {
        t: asyncio.run(record(kafka_bootstrap, t, keys))
        for t in (BIDDING_INTERNAL.name, BIDDING_EVENTS.name)
    }
    recording = tmp_path / "session.jsonl"
    recording.write_text("".join(r.to_json() + "\n" for r in commands))

    fresh = fresh_kafka()
    replayed_lines = recording.read_text().splitlines()
    asyncio.run(replay(fresh, (Recorded.from_json(line) for line in replayed_lines)))
    stack = DevStack(fresh, tmp_path / "fresh-logs")
    stack.start("bidding-processor")
    try:
        asyncio.run(wait_for_events(fresh, keys, len(original[BIDDING_INTERNAL.name]), 60))
        time.sleep(1.0)  # anything extra would show up now
        again = {t: asyncio.run(record(fresh, t, keys)) for t in original}
    finally:
        stack.stop_all()

    report(
        f"replay: {len(commands)} commands -> {len(original[BIDDING_INTERNAL.name])} private "
        f"and {len(original[BIDDING_EVENTS.name])} public events, identical after replay"
    )
    assert len(commands) > 150
    for topic in original:
        assert by_partition(again[topic]) == by_partition(original[topic]), topic
