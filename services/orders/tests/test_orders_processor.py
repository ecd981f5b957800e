"""The order writer with hand-written fakes: what it appends for each bidding event."""

from __future__ import annotations

import pytest
from livebid.bidding.v1 import flash_sales_pb2 as flash
from livebid.bidding.v1 import public_events_pb2 as pub
from livebid.common.v1.money_pb2 import Money
from livebid.orders.v1 import events_pb2 as pb

from livebid_orders import codec
from livebid_orders.domain import FlashSaleTerms, InvalidSale
from livebid_orders.processor import OrdersProcessor
from livebid_orders.store import OrderStore
from livebid_platform.envelope import Envelope, decode, envelope, to_headers


class FakeLog:
    """The orders topic as the writer appends to it, and how often it synced first."""

    def __init__(self) -> None:
        self.records: list[Envelope] = []
        self.syncs = 0

    async def publish(self, env: Envelope) -> None:
        self.records.append(decode(env.message.SerializeToString(), to_headers(env)))


def ended(auction_id: str = "a1", sold: bool = True, event_id: str = "e1") -> Envelope:
    msg = pub.AuctionEnded(
        auction_id=auction_id,
        listing_id="l1",
        show_id="s1",
        seller_id="seller",
        sold=sold,
        winner_id="buyer" if sold else "",
        price=Money(amount_cents=1500, currency="USD"),
        closed_at_ms=7_000,
    )
    return envelope(msg, event_id=event_id, source="test", subject=auction_id, time_ms=7_000)


SOCKS = FlashSaleTerms("fs-1", "l-socks", "s1", "seller", "USD")


def writer(
    store: OrderStore,
    log: FakeLog,
    synced: tuple[pb.OrderPlaced, ...] = (),
    in_partition: dict[str, FlashSaleTerms] | None = None,
) -> OrdersProcessor:
    """A writer whose sync() brings in `synced`, orders another replica already appended,
    and whose look-up in bidding's partition finds `in_partition`."""

    async def sync() -> None:
        log.syncs += 1
        for msg in synced:
            store.apply(codec.order_placed(msg))

    async def find_sales(partition: int, sale_id: str) -> dict[str, FlashSaleTerms]:
        return dict(in_partition or {})

    return OrdersProcessor(store, log.publish, sync, find_sales)


class Record:
    partition = 2


def bought(buyer: str, quantity: int, remaining: int) -> Envelope:
    msg = flash.FlashSalePurchased(
        sale_id="fs-1",
        command_id=f"buy:{buyer}",
        buyer_id=buyer,
        quantity=quantity,
        unit_price_cents=500,
        at_ms=9_000,
        remaining=remaining,
    )
    return envelope(msg, event_id=f"p-{buyer}", source="test", subject="fs-1", time_ms=9_000)


def opened() -> Envelope:
    msg = flash.FlashSaleOpened(
        sale_id="fs-1",
        listing_id="l-socks",
        show_id="s1",
        seller_id="seller",
        price_cents=500,
        currency="USD",
        quantity=3,
    )
    return envelope(msg, event_id="o", source="test", subject="fs-1", time_ms=8_000)


async def test_a_sale_is_appended_once_and_readable_at_once() -> None:
    store, log = OrderStore(), FakeLog()
    processor = writer(store, log)
    for event_id in ("e1", "e2"):  # the same sale delivered twice, even under a new event id
        await processor.on_bidding_event(ended(event_id=event_id), None)
    assert [r.event_type for r in log.records] == ["livebid.orders.v1.OrderPlaced"]
    assert log.records[0].event_id == "ord-a1/placed" and log.records[0].subject == "ord-a1"
    assert store.orders["ord-a1"].buyer_id == "buyer"


async def test_an_order_placed_elsewhere_is_seen_before_writing() -> None:
    store, log = OrderStore(), FakeLog()
    placed_elsewhere = pb.OrderPlaced(
        order_id="ord-a1",
        auction_id="a1",
        buyer_id="buyer",
        price=Money(amount_cents=1500, currency="USD"),
    )
    processor = writer(store, log, (placed_elsewhere,))
    await processor.on_bidding_event(ended(), None)
    assert log.records == [] and log.syncs == 1


async def test_unsold_auctions_and_other_events_write_nothing_and_need_no_sync() -> None:
    store, log = OrderStore(), FakeLog()
    processor = writer(store, log)
    await processor.on_bidding_event(ended(sold=False), None)
    other = envelope(
        pub.HighBidChanged(auction_id="a1"), event_id="x", source="t", subject="a1", time_ms=0
    )
    await processor.on_bidding_event(other, None)
    assert log.records == [] and log.syncs == 0


async def test_each_flash_sale_unit_becomes_one_order_however_often_reported() -> None:
    store, log = OrderStore(), FakeLog()
    processor = writer(store, log)
    for env in (
        opened(),
        bought("ann", 2, remaining=1),
        bought("ann", 2, remaining=1),
        bought("bob", 1, remaining=0),
    ):
        await processor.on_bidding_event(env, Record())
    assert sorted(store.orders) == ["ord-fs-1-u1", "ord-fs-1-u2", "ord-fs-1-u3"]
    assert [o.buyer_id for o in store.find("show", "s1")] == ["bob", "ann", "ann"]
    assert len(log.records) == 3 and {o.price_cents for o in store.orders.values()} == {500}


async def test_a_sale_opened_before_a_restart_is_found_in_biddings_partition() -> None:
    store, log = OrderStore(), FakeLog()
    processor = writer(store, log, in_partition={"fs-1": SOCKS})
    await processor.on_bidding_event(bought("ann", 1, remaining=2), Record())
    assert store.orders["ord-fs-1-u3"].listing_id == "l-socks"


async def test_a_purchase_of_an_unknown_sale_is_refused_for_the_dead_letter_topic() -> None:
    processor = writer(OrderStore(), FakeLog())
    with pytest.raises(InvalidSale):
        await processor.on_bidding_event(bought("ann", 1, remaining=2), Record())
