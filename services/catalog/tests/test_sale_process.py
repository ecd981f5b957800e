"""The sale process manager and the sale-ends policy, with a hand-written fake of bidding:
a put-up is opened in bidding however often it is delivered, a transport failure is
retried until bidding answers, and a refusal releases the listing."""

from __future__ import annotations

import grpc
import pytest
from catalog_builders import LISTING_ID, SELLER, SHOW_ID, TERMS
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import public_events_pb2 as bidding_pub
from livebid.catalog.internal.v1 import write_side_pb2 as internal

from livebid_catalog.codec import CODEC
from livebid_catalog.domain.events import ListingPutUpForAuction, PutUp
from livebid_catalog.sale_ends import sale_end_commands
from livebid_catalog.sales import SaleOpener, SaleRefused
from livebid_platform.envelope import Envelope, envelope

PUT_UP = ListingPutUpForAuction(SHOW_ID, LISTING_ID, "auc-1", "k1", SELLER, 1000, "USD", 0, TERMS)


def rpc_error(code: grpc.StatusCode) -> grpc.aio.AioRpcError:
    return grpc.aio.AioRpcError(code, grpc.aio.Metadata(), grpc.aio.Metadata(), details="x")


class FakeBidding:
    """Fails with the queued errors first, then opens (the same id only once)."""

    def __init__(self, *failures: grpc.StatusCode) -> None:
        self.failures = list(failures)
        self.opened: list[str] = []
        self.calls = 0

    async def open_sale(self, put_up: PutUp) -> int:
        self.calls += 1
        if self.failures:
            raise rpc_error(self.failures.pop(0))
        assert isinstance(put_up, ListingPutUpForAuction)
        if put_up.auction_id not in self.opened:
            self.opened.append(put_up.auction_id)
        return 42_000


class Abandoned:
    def __init__(self) -> None:
        self.sales: list[tuple[PutUp, str]] = []

    async def __call__(self, put_up: PutUp, reason: str) -> None:
        self.sales.append((put_up, reason))


def put_up_record(put_up: PutUp) -> Envelope:
    message = CODEC.event_to_proto(put_up)
    return envelope(message, event_id="e", source="t", subject=SHOW_ID, time_ms=0)


async def test_a_put_up_delivered_twice_opens_its_sale_once() -> None:
    bidding, abandoned = FakeBidding(), Abandoned()
    opener = SaleOpener(bidding, abandoned, first_retry_s=0)
    for _ in range(2):
        await opener.handle(put_up_record(PUT_UP), None)  # type: ignore[arg-type]
    assert bidding.opened == ["auc-1"] and abandoned.sales == []


async def test_bidding_unreachable_is_retried_until_it_answers() -> None:
    unavailable = grpc.StatusCode.UNAVAILABLE
    bidding = FakeBidding(unavailable, grpc.StatusCode.DEADLINE_EXCEEDED, unavailable)
    opener = SaleOpener(bidding, Abandoned(), first_retry_s=0)
    await opener.open(PUT_UP)
    assert bidding.calls == 4 and bidding.opened == ["auc-1"]


async def test_a_refusal_releases_the_listing_and_is_not_retried() -> None:
    bidding, abandoned = FakeBidding(grpc.StatusCode.INVALID_ARGUMENT), Abandoned()
    opener = SaleOpener(bidding, abandoned, first_retry_s=0)
    await opener.open(PUT_UP)
    assert bidding.calls == 1 and [p for p, _ in abandoned.sales] == [PUT_UP]
    with pytest.raises(SaleRefused):  # the API's single attempt says why
        await SaleOpener(FakeBidding(grpc.StatusCode.INVALID_ARGUMENT), abandoned).open_once(PUT_UP)


async def test_other_private_events_are_not_the_process_managers_business() -> None:
    bidding = FakeBidding()
    pinned = envelope(
        internal.ListingPinned(show_id=SHOW_ID, listing_id=LISTING_ID),
        event_id="p", source="t", subject=SHOW_ID, time_ms=0,
    )  # fmt: skip
    await SaleOpener(bidding, Abandoned()).handle(pinned, None)  # type: ignore[arg-type]
    assert bidding.calls == 0


def bidding_event(message: object) -> Envelope:
    return envelope(message, event_id="b", source="t", subject="x", time_ms=0)  # type: ignore[arg-type]


async def test_ended_sales_become_commands_to_their_show_keyed_by_the_sale() -> None:
    ended = bidding_event(
        bidding_pub.AuctionEnded(
            auction_id="auc-1", listing_id=LISTING_ID, show_id=SHOW_ID, sold=True
        )
    )
    [command] = await sale_end_commands(ended)
    assert (command.command_id, command.aggregate_id) == ("end:auc-1", SHOW_ID)
    closed = bidding_event(
        flash_pb.FlashSaleClosed(sale_id="fs-1", listing_id=LISTING_ID, show_id=SHOW_ID, sold=3)
    )
    [end] = await sale_end_commands(closed)
    assert end.message.units_sold == 3  # type: ignore[attr-defined]


async def test_sales_of_no_show_and_other_events_ask_for_nothing() -> None:
    direct = bidding_event(bidding_pub.AuctionEnded(auction_id="a", sold=True))
    assert await sale_end_commands(direct) == []
    assert await sale_end_commands(bidding_event(bidding_pub.HighBidChanged())) == []
