"""The one writer with hand-written fakes: what it appends, what it asks bidding, and that
the log it writes rebuilds the same state (no broker needed)."""

from __future__ import annotations

import pytest
from catalog_builders import ADD, LISTING_ID, SCHEDULE, SELLER, SHOW_ID

from livebid_catalog import codec
from livebid_catalog.bidding_client import AuctionTerms
from livebid_catalog.domain.commands import StartShow
from livebid_catalog.domain.show import Listing, NotNow, Show
from livebid_catalog.processor import CatalogProcessor, Unavailable
from livebid_platform.envelope import Envelope, decode, to_headers

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
    def __init__(self) -> None:
        self.opened: list[str] = []
        self.fail = False

    async def open(self, auction_id: str, show: Show, listing: Listing, terms: AuctionTerms) -> int:
        if self.fail:
            raise ConnectionError("bidding is down")
        self.opened.append(auction_id)
        return 42_000

    async def deadline(self, auction_id: str) -> int:
        return 42_000


async def live_show() -> tuple[CatalogProcessor, FakeLog, FakeAuctions]:
    log, auctions = FakeLog(), FakeAuctions()
    processor = CatalogProcessor(log.publish, auctions, clock=lambda: 1_000)
    processor.ready.set()
    await processor.schedule_show(SCHEDULE)
    await processor.add_listing(ADD)
    await processor.start_show(StartShow(SHOW_ID, SELLER))
    return processor, log, auctions


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
    processor, log, _ = await live_show()
    auction_id, _ = await processor.put_up_for_auction(SELLER, LISTING_ID, "k/1", TERMS)
    await processor.auction_ended(SHOW_ID, LISTING_ID, auction_id, sold=False)
    rebuilt = CatalogProcessor(FakeLog().publish, FakeAuctions())
    for value, headers in log.records:
        rebuilt.apply(codec.event_from_envelope(decode(value, headers)))
    assert rebuilt.shows == processor.shows
    assert rebuilt.show_of_listing(LISTING_ID).show_id == SHOW_ID


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
