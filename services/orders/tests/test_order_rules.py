"""Orders as given a sale / when it is reported / then exactly one order: the policy
(`orders_for`) and the bundle aggregate, run by the write-side runtime's own dedup."""

from __future__ import annotations

from dataclasses import replace

import pytest

from livebid_orders.domain import (
    AuctionEnded,
    FlashSalePurchased,
    FlashSaleTerms,
    GiveawayDrawn,
    InvalidSale,
    OrderPlaced,
    PlaceOrder,
    bundle_id_for,
    orders_for,
)
from livebid_orders.store import OrderIndex
from livebid_orders.write_side import ORDERS
from livebid_platform.writeside.partition import PartitionState, decide_command

ORDER_DECIDER = ORDERS.decider("bundle")

SOLD = AuctionEnded(
    auction_id="auc-listing-1-1",
    listing_id="listing-1",
    show_id="show-1",
    seller_id="seller",
    sold=True,
    winner_id="buyer",
    price_cents=2_500,
    currency="USD",
    closed_at_ms=90_000,
)
ORDER = OrderPlaced(
    order_id="ord-auc-listing-1-1",
    auction_id="auc-listing-1-1",
    listing_id="listing-1",
    show_id="show-1",
    seller_id="seller",
    buyer_id="buyer",
    price_cents=2_500,
    currency="USD",
    placed_at_ms=90_000,
    bundle_id=bundle_id_for("show-1", "seller", "buyer"),
)


def placed(part: PartitionState, commands: list[PlaceOrder]) -> list[OrderPlaced]:
    """What the order writer appends for `commands` (command ids as the policy makes them)."""
    return [
        event
        for command in commands
        for event, _ in decide_command(part, ORDER_DECIDER, command, f"place:{command.order_id}")
        if isinstance(event, OrderPlaced)
    ]


def test_a_sale_places_one_order_named_after_the_auction_at_the_sales_time() -> None:
    assert placed(PartitionState(), orders_for(SOLD)) == [ORDER]


def test_a_redelivered_sale_places_no_second_order() -> None:
    part = PartitionState()
    assert placed(part, orders_for(SOLD)) == [ORDER]
    assert placed(part, orders_for(SOLD)) == []
    # Even under another command id (a policy replica, a new version): the order exists.
    [command] = orders_for(SOLD)
    assert decide_command(part, ORDER_DECIDER, command, "another-id") == []


@pytest.mark.parametrize(
    "ended",
    [
        replace(SOLD, sold=False, winner_id="", price_cents=0),
        replace(SOLD, sold=False, voided=True, winner_id="", price_cents=0),
    ],
)
def test_unsold_and_voided_auctions_place_no_order(ended: AuctionEnded) -> None:
    assert orders_for(ended) == []


@pytest.mark.parametrize(
    "changes", [{"winner_id": ""}, {"price_cents": 0}, {"currency": ""}, {"seller_id": ""}]
)
def test_a_sale_without_a_buyer_or_price_is_refused_not_ordered(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidSale):
        orders_for(replace(SOLD, **changes))


def test_the_index_finds_bundles_by_buyer_seller_and_show_once_each() -> None:
    other = replace(ORDER, order_id="ord-2", buyer_id="b2", bundle_id="bnd-2")
    index = OrderIndex()
    for event in (ORDER, ORDER, other):
        index.observe(event, None)
    assert index.bundles("buyer", "buyer") == [ORDER.bundle_id]
    assert index.bundles("seller", "seller") == [ORDER.bundle_id, "bnd-2"]
    assert index.bundle_of["ord-2"] == "bnd-2"
    assert index.bundles("buyer", "nobody") == []


def test_a_giveaway_prize_is_a_zero_price_order_in_the_winners_bundle() -> None:
    drawn = GiveawayDrawn("gw-1", "l-hat", "show-1", "seller", "buyer", 5_000)
    [order] = orders_for(drawn)
    assert (order.order_id, order.price_cents, order.bundle_id) == (
        "ord-gw-1",
        0,
        bundle_id_for("show-1", "seller", "buyer"),
    )
    assert orders_for(replace(drawn, winner_id="")) == []


SOCKS = FlashSaleTerms("fs-1", "l-socks", "show-1", "seller", "USD")


def test_a_flash_sale_purchase_places_one_order_per_unit_numbered_from_the_top() -> None:
    purchase = FlashSalePurchased(
        SOCKS, "buyer", quantity=2, unit_price_cents=500, at_ms=7, remaining=3
    )
    part = PartitionState()
    orders = placed(part, orders_for(purchase))
    assert [o.order_id for o in orders] == ["ord-fs-1-u4", "ord-fs-1-u5"]
    assert {(o.auction_id, o.show_id, o.price_cents, o.placed_at_ms) for o in orders} == {
        ("fs-1", "show-1", 500, 7)
    }
    assert placed(part, orders_for(purchase)) == []


def test_a_flash_sale_purchase_without_a_price_is_refused() -> None:
    with pytest.raises(InvalidSale):
        orders_for(FlashSalePurchased(SOCKS, "buyer", 1, 0, 7, 0))
