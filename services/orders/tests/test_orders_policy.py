"""The orders policy: which commands each bidding event calls for, on the real contracts."""

from __future__ import annotations

import pytest
from livebid.bidding.v1 import flash_sales_pb2 as flash
from livebid.bidding.v1 import public_events_pb2 as pub
from livebid.catalog.v1 import events_pb2 as catalog_pub
from livebid.common.v1.money_pb2 import Money

from livebid_orders.domain import InvalidSale, bundle_id_for
from livebid_orders.policy import CatalogFacts, OrdersPolicy
from livebid_orders.store import OrderIndex
from livebid_platform.envelope import Envelope, envelope
from livebid_platform.writeside import Command

BUNDLE = bundle_id_for("s1", "seller", "buyer")


async def nothing() -> None:
    return None


async def orders_for_event(env: Envelope, facts: CatalogFacts | None = None) -> list[Command]:
    policy = OrdersPolicy(facts or CatalogFacts(), OrderIndex(), nothing)
    return await policy.commands_for(env)


def event(msg: object, subject: str = "a1") -> Envelope:
    return envelope(msg, event_id="e", source="test", subject=subject, time_ms=7_000)  # type: ignore[arg-type]


def ended(sold: bool = True) -> Envelope:
    return event(
        pub.AuctionEnded(
            auction_id="a1",
            listing_id="l1",
            show_id="s1",
            seller_id="seller",
            sold=sold,
            winner_id="buyer" if sold else "",
            price=Money(amount_cents=1500, currency="USD"),
            closed_at_ms=7_000,
        )
    )


def bought(quantity: int, remaining: int, seller_id: str = "seller") -> Envelope:
    return event(
        flash.FlashSalePurchased(
            sale_id="fs-1",
            buyer_id="ann",
            quantity=quantity,
            unit_price_cents=500,
            at_ms=9_000,
            remaining=remaining,
            listing_id="l-socks",
            show_id="s1",
            seller_id=seller_id,
            currency="USD",
        ),
        "fs-1",
    )


async def test_a_sold_auction_asks_for_one_order_keyed_by_its_bundle() -> None:
    [command] = await orders_for_event(ended())
    assert (command.command_id, command.aggregate_id) == ("place:ord-a1", BUNDLE)
    assert command.message.buyer_id == "buyer"  # type: ignore[attr-defined]
    assert command.message.price.amount_cents == 1500  # type: ignore[attr-defined]
    assert command.message.placed_at_ms == 7_000  # type: ignore[attr-defined]


async def test_unsold_auctions_and_other_events_ask_for_nothing() -> None:
    assert await orders_for_event(ended(sold=False)) == []
    assert await orders_for_event(event(pub.HighBidChanged(auction_id="a1"))) == []


async def test_each_flash_sale_unit_is_its_own_order_from_the_purchase_alone() -> None:
    commands = await orders_for_event(bought(2, remaining=1))
    assert [c.command_id for c in commands] == ["place:ord-fs-1-u2", "place:ord-fs-1-u3"]
    assert {c.aggregate_id for c in commands} == {bundle_id_for("s1", "seller", "ann")}
    assert {c.message.listing_id for c in commands} == {"l-socks"}  # type: ignore[attr-defined]


async def test_a_purchase_that_names_no_seller_is_refused_for_the_dead_letter_topic() -> None:
    with pytest.raises(InvalidSale):
        await orders_for_event(bought(1, remaining=0, seller_id=""))


async def test_an_order_carries_its_listings_shipping_profile_from_the_catalog() -> None:
    facts = CatalogFacts()
    facts.apply(catalog_pub.ListingAdded(listing_id="l1", shipping_profile="per_item=300"))
    [command] = await orders_for_event(ended(), facts)
    assert command.message.shipping_profile == "per_item=300"  # type: ignore[attr-defined]


async def test_a_sale_reported_after_its_show_ended_closes_its_bundle_too() -> None:
    facts = CatalogFacts()
    facts.apply(catalog_pub.ShowEnded(show_id="s1"))
    _place, end = await orders_for_event(ended(), facts)
    assert (end.command_id, end.aggregate_id) == (f"end-show:{BUNDLE}", BUNDLE)


async def test_a_show_end_closes_every_bundle_placed_in_it() -> None:
    policy = OrdersPolicy(CatalogFacts(), OrderIndex(), nothing)
    await policy.commands_for(ended())
    [end] = await policy.commands_for(event(catalog_pub.ShowEnded(show_id="s1")))
    assert end.command_id == f"end-show:{BUNDLE}"
