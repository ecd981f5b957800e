"""The one writer with hand-written fakes: what it appends, what it asks bidding, and that
the log it writes rebuilds the same state (no broker needed)."""

from __future__ import annotations

from typing import Any

import pytest
from catalog_builders import LISTING_ID, SCHEDULE, SELLER, SHOW_ID, add
from google.protobuf.message import Message
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb

from livebid_catalog import codec
from livebid_catalog.bidding_client import AuctionTerms
from livebid_catalog.domain.commands import PutUpForFlashSale, PutUpForGiveaway, StartShow
from livebid_catalog.domain.show import Listing, NotFound, NotNow, Show
from livebid_catalog.processor import CatalogProcessor, Unavailable
from livebid_platform.envelope import Envelope, decode, envelope, to_headers

TERMS = AuctionTerms(True, 30_000, 10_000, "whatnot-v1", 0, False)


class FakeLog:
    def __init__(self) -> None:
        self.records: list[tuple[bytes, list[tuple[str, bytes]]]] = []
        self.fail = False

    async def publish(self, env: Envelope) -> None:
        if self.fail:
            raise TimeoutError("broker did not answer")
        self.records.append((env.message.SerializeToString(), to_headers(env)))

    def types(self) -> list[str]:
        return [decode(v, h).event_type.rsplit(".", 1)[1] for v, h in self.records]


class FakeAuctions:
    """Bidding as the catalog sees it; opening the same id twice opens it once."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.asked: list[tuple[str, Any]] = []
        self.fail = False

    def _open(self, sale_id: str, terms: Any) -> int:
        if self.fail:
            raise ConnectionError("bidding is down")
        self.asked.append((sale_id, terms))
        if sale_id not in self.opened:
            self.opened.append(sale_id)
        return 42_000

    async def open(self, auction_id: str, show: Show, listing: Listing, terms: AuctionTerms) -> int:
        return self._open(auction_id, terms)

    async def deadline(self, auction_id: str) -> int:
        return 42_000

    async def open_flash_sale(
        self, sale_id: str, show: Show, listing: Listing, command: PutUpForFlashSale
    ) -> int:
        return self._open(sale_id, command)

    async def open_giveaway(
        self, giveaway_id: str, show: Show, listing: Listing, command: PutUpForGiveaway
    ) -> int:
        return self._open(giveaway_id, command)


async def live_show(quantity: int = 1) -> tuple[CatalogProcessor, FakeLog, FakeAuctions]:
    log, auctions = FakeLog(), FakeAuctions()
    processor = CatalogProcessor(log.publish, auctions, clock=lambda: 1_000)
    processor.ready.set()
    await processor.schedule_show(SCHEDULE)
    await processor.add_listing(add(quantity=quantity))
    await processor.start_show(StartShow(SHOW_ID, SELLER))
    return processor, log, auctions


def flash(key: str = "f1", quantity: int = 5, show_id: str = "") -> PutUpForFlashSale:
    return PutUpForFlashSale(show_id, SELLER, LISTING_ID, key, 500, 1200, quantity, 1, 60_000)


def giveaway(key: str = "g1") -> PutUpForGiveaway:
    return PutUpForGiveaway("", SELLER, LISTING_ID, key, 30_000)


async def from_bidding(processor: CatalogProcessor, message: Message) -> None:
    """Deliver one of bidding's public events, as the catalog's consumer does."""
    env = envelope(message, event_id="bidding-1", source="livebid.bidding", subject="s", time_ms=1)
    await processor.on_bidding_event(env, None)  # type: ignore[arg-type]


def listing_now(processor: CatalogProcessor) -> Listing:
    listing = processor.show(SHOW_ID).listing(LISTING_ID)
    assert listing is not None
    return listing


async def test_a_put_up_opens_the_auction_in_bidding_then_records_it() -> None:
    processor, log, auctions = await live_show()
    assert await processor.put_up_for_auction(SELLER, LISTING_ID, "k1", TERMS) == (
        f"auc-{LISTING_ID}-1",
        42_000,
    )
    assert auctions.opened == [f"auc-{LISTING_ID}-1"]
    assert log.types()[-2:] == ["ListingPutUpForAuction", "ListingPinned"]


async def test_a_retried_put_up_returns_the_same_auction_and_appends_nothing() -> None:
    processor, log, auctions = await live_show()
    first = await processor.put_up_for_auction(SELLER, LISTING_ID, "k1", TERMS)
    appended = len(log.records)
    assert await processor.put_up_for_auction(SELLER, LISTING_ID, "k1", TERMS) == first
    assert len(log.records) == appended and len(auctions.opened) == 1


async def test_when_bidding_fails_nothing_is_recorded_and_the_retry_reuses_the_id() -> None:
    processor, log, auctions = await live_show()
    auctions.fail = True
    appended = len(log.records)
    with pytest.raises(ConnectionError):
        await processor.put_up_for_auction(SELLER, LISTING_ID, "k1", TERMS)
    assert len(log.records) == appended
    auctions.fail = False
    auction_id, _ = await processor.put_up_for_auction(SELLER, LISTING_ID, "k2", TERMS)
    assert auction_id == f"auc-{LISTING_ID}-1"


async def test_an_ended_auction_is_applied_once() -> None:
    processor, log, _ = await live_show()
    auction_id, _ = await processor.put_up_for_auction(SELLER, LISTING_ID, "k1", TERMS)
    for _ in range(2):  # redelivered
        await processor.auction_ended(SHOW_ID, LISTING_ID, auction_id, sold=True)
    assert log.types().count("ListingAuctionEnded") == 1
    assert processor.show(SHOW_ID).listing(LISTING_ID).status == "sold"
    with pytest.raises(NotNow):
        await processor.put_up_for_auction(SELLER, LISTING_ID, "k2", TERMS)


async def test_the_log_rebuilds_the_same_state_keys_included() -> None:
    processor, log, _ = await live_show(quantity=10)
    auction_id, _ = await processor.put_up_for_auction(SELLER, LISTING_ID, "k/1", TERMS)
    await processor.auction_ended(SHOW_ID, LISTING_ID, auction_id, sold=False)
    sale_id, _ = await processor.put_up_for_flash_sale(flash(key="f/1"))
    await processor.flash_sale_closed(sale_id, 3)
    await processor.put_up_for_giveaway(giveaway(key="g/1"))
    rebuilt = CatalogProcessor(FakeLog().publish, FakeAuctions())
    for value, headers in log.records:
        rebuilt.apply(codec.event_from_envelope(decode(value, headers)))
    assert rebuilt.shows == processor.shows
    assert rebuilt.show_of_listing(LISTING_ID).show_id == SHOW_ID
    # The rebuilt writer follows the running giveaway's draw like the original would.
    rebuilt.ready.set()
    await rebuilt.giveaway_drawn(f"gw-{LISTING_ID}-1", "fan-1")
    assert (listing_now(rebuilt).status, listing_now(rebuilt).quantity) == ("available", 6)


async def test_a_failed_append_stops_the_writer() -> None:
    processor, log, _ = await live_show()
    log.fail = True
    with pytest.raises(TimeoutError):
        await processor.put_up_for_auction(SELLER, LISTING_ID, "k1", TERMS)
    assert processor.failed.is_set()
    log.fail = False
    with pytest.raises(Unavailable):
        await processor.start_show(StartShow(SHOW_ID, SELLER))


async def test_no_command_before_the_state_is_rebuilt() -> None:
    processor = CatalogProcessor(FakeLog().publish, FakeAuctions())
    with pytest.raises(Unavailable):
        await processor.schedule_show(SCHEDULE)


# Flash sales and giveaways


async def test_a_flash_sale_opens_in_bidding_then_is_recorded() -> None:
    processor, log, bidding = await live_show(quantity=10)
    assert await processor.put_up_for_flash_sale(flash()) == (f"fs-{LISTING_ID}-1", 42_000)
    assert bidding.opened == [f"fs-{LISTING_ID}-1"]
    assert log.types()[-1] == "ListingPutUpForFlashSale"
    assert listing_now(processor).status == "in_flash_sale"


async def test_a_retried_flash_sale_asks_bidding_for_the_same_sale_and_appends_nothing() -> None:
    processor, log, bidding = await live_show(quantity=10)
    first = await processor.put_up_for_flash_sale(flash())
    appended = len(log.records)
    assert await processor.put_up_for_flash_sale(flash()) == first
    assert len(log.records) == appended and bidding.opened == [first[0]]


async def test_when_bidding_fails_no_flash_sale_is_recorded_and_the_retry_reuses_the_id() -> None:
    processor, log, bidding = await live_show(quantity=10)
    bidding.fail = True
    appended = len(log.records)
    with pytest.raises(ConnectionError):
        await processor.put_up_for_flash_sale(flash())
    assert len(log.records) == appended and listing_now(processor).status == "available"
    bidding.fail = False
    assert (await processor.put_up_for_flash_sale(flash(key="f2")))[0] == f"fs-{LISTING_ID}-1"


async def test_a_refused_flash_sale_never_reaches_bidding() -> None:
    processor, _, bidding = await live_show(quantity=3)
    with pytest.raises(NotNow, match="only 3 left"):
        await processor.put_up_for_flash_sale(flash(quantity=4))
    with pytest.raises(NotFound):
        await processor.put_up_for_flash_sale(flash(quantity=1, show_id="another-show"))
    assert bidding.opened == []


async def test_a_listing_in_a_flash_sale_cannot_be_auctioned() -> None:
    processor, _, _ = await live_show(quantity=10)
    await processor.put_up_for_flash_sale(flash())
    with pytest.raises(NotNow, match="in_flash_sale"):
        await processor.put_up_for_auction(SELLER, LISTING_ID, "k1", TERMS)


async def test_bidding_closing_a_sale_takes_the_units_sold_once() -> None:
    processor, log, _ = await live_show(quantity=10)
    sale_id, _ = await processor.put_up_for_flash_sale(flash())
    closed = flash_pb.FlashSaleClosed(sale_id=sale_id, sold=4, remaining=1)
    for _ in range(2):  # redelivered
        await from_bidding(processor, closed)
    assert log.types().count("ListingFlashSaleEnded") == 1
    assert (listing_now(processor).status, listing_now(processor).quantity) == ("available", 6)


async def test_a_sold_out_flash_sale_of_the_whole_stock_sells_the_listing() -> None:
    processor, _, _ = await live_show(quantity=5)
    sale_id, _ = await processor.put_up_for_flash_sale(flash(quantity=5))
    await from_bidding(processor, flash_pb.FlashSaleClosed(sale_id=sale_id, sold=5, sold_out=True))
    assert (listing_now(processor).status, listing_now(processor).quantity) == ("sold", 0)


async def test_sales_and_giveaways_this_catalog_did_not_start_are_ignored() -> None:
    processor, log, _ = await live_show()
    appended = len(log.records)
    await from_bidding(processor, flash_pb.FlashSaleClosed(sale_id="fs-elsewhere", sold=3))
    await from_bidding(processor, giveaway_pb.GiveawayDrawn(giveaway_id="gw-x", winner_id="w"))
    assert len(log.records) == appended


async def test_a_giveaway_opens_in_bidding_and_its_draw_gives_a_unit_away() -> None:
    processor, log, bidding = await live_show()
    giveaway_id, ends_at = await processor.put_up_for_giveaway(giveaway())
    assert (giveaway_id, ends_at) == (f"gw-{LISTING_ID}-1", 42_000)
    assert await processor.put_up_for_giveaway(giveaway()) == (giveaway_id, ends_at)  # a retry
    assert bidding.opened == [giveaway_id] and listing_now(processor).status == "in_giveaway"
    drawn = giveaway_pb.GiveawayDrawn(giveaway_id=giveaway_id, winner_id="fan-1")
    for _ in range(2):
        await from_bidding(processor, drawn)
    assert log.types().count("ListingGiveawayEnded") == 1
    assert (listing_now(processor).status, listing_now(processor).quantity) == ("sold", 0)


async def test_a_giveaway_nobody_entered_frees_the_listing() -> None:
    processor, _, _ = await live_show()
    giveaway_id, _ = await processor.put_up_for_giveaway(giveaway())
    await from_bidding(processor, giveaway_pb.GiveawayDrawn(giveaway_id=giveaway_id))
    assert (listing_now(processor).status, listing_now(processor).quantity) == ("available", 1)
