"""Flash sale rules as given events / when command / then events."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from livebid_bidding.domain.errors import InvalidCommand
from livebid_bidding.domain.flash_sale import (
    BuyFlashSale,
    CloseFlashSale,
    FlashSale,
    FlashSaleClosed,
    FlashSaleCommand,
    FlashSaleOpened,
    FlashSalePurchased,
    FlashSalePurchaseRejected,
    FlashSaleRejectionReason,
    OpenFlashSale,
    decide,
    evolve,
)

Reason = FlashSaleRejectionReason
SALE_ID = "sale-1"
# Five units at $15 (list $25) for 60 s, at most two per buyer.
OPEN = OpenFlashSale(
    command_id="open-1",
    sale_id=SALE_ID,
    listing_id="listing-1",
    show_id="show-1",
    seller_id="seller",
    price_cents=1500,
    currency="USD",
    quantity=5,
    per_buyer_limit=2,
    duration_ms=60_000,
    at_ms=0,
    list_price_cents=2500,
)


def buy(
    buyer: str, quantity: int = 1, at: int = 1_000, limit: int = 0, owed: int = 0
) -> BuyFlashSale:
    """`owed`: the buyer's open commitments elsewhere, against the spending `limit`."""
    return BuyFlashSale(f"buy-{buyer}-{at}-{quantity}", SALE_ID, buyer, quantity, at, limit, owed)


def given(*commands: FlashSaleCommand) -> FlashSale:
    state: FlashSale | None = None
    for command in commands:
        for event in decide(state, command):
            state = evolve(state, event)
    assert state is not None
    return state


def refusal(state: FlashSale | None, command: BuyFlashSale) -> Reason:
    [event] = decide(state, command)
    assert isinstance(event, FlashSalePurchaseRejected)
    return event.reason


def test_open_announces_price_discount_quantity_and_deadline() -> None:
    [opened] = decide(None, OPEN)
    assert isinstance(opened, FlashSaleOpened)
    assert (opened.price_cents, opened.list_price_cents, opened.quantity) == (1500, 2500, 5)
    assert opened.deadline_ms == 60_000
    assert given(OPEN).discount_cents == 1000
    assert decide(given(OPEN), OPEN) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"price_cents": 0},
        {"quantity": 0},
        {"duration_ms": 0},
        {"per_buyer_limit": -1},
        {"currency": ""},
        {"list_price_cents": 1000},
    ],
)
def test_malformed_open_is_invalid(changes: dict[str, Any]) -> None:
    with pytest.raises(InvalidCommand):
        decide(None, replace(OPEN, **changes))


def test_a_purchase_takes_units_and_says_how_many_are_left() -> None:
    [bought] = decide(given(OPEN, buy("alice")), buy("bob", 2))
    assert bought == FlashSalePurchased(
        sale_id=SALE_ID,
        command_id="buy-bob-1000-2",
        buyer_id="bob",
        quantity=2,
        unit_price_cents=1500,
        at_ms=1_000,
        remaining=2,
        buyer_total=2,
        listing_id="listing-1",
        show_id="show-1",
        seller_id=OPEN.seller_id,
        currency="USD",
    )


def test_the_last_unit_closes_the_sale_at_once() -> None:
    state = given(OPEN, buy("alice", 2), buy("bob", 2))
    bought, closed = decide(state, buy("carol", 1, at=5_000))
    assert isinstance(bought, FlashSalePurchased) and bought.remaining == 0
    assert closed == FlashSaleClosed(
        SALE_ID, "buy-carol-5000-1", 5_000, 5, 0, True, "listing-1", "show-1"
    )
    sold_out = given(OPEN, buy("alice", 2), buy("bob", 2), buy("carol"))
    assert sold_out.status == "closed"
    assert refusal(sold_out, buy("dan")) is Reason.SOLD_OUT
    assert decide(sold_out, CloseFlashSale("c", SALE_ID, 60_000)) == []


def test_sold_out_and_not_enough_left() -> None:
    no_limit = replace(OPEN, per_buyer_limit=0, quantity=3)
    assert refusal(given(no_limit, buy("alice", 2)), buy("bob", 2)) is Reason.NOT_ENOUGH_LEFT
    assert refusal(given(no_limit, buy("alice", 3)), buy("bob", 1)) is Reason.SOLD_OUT


def test_per_buyer_limit_counts_earlier_purchases() -> None:
    state = given(OPEN, buy("alice", 1))
    assert refusal(state, buy("alice", 2)) is Reason.OVER_BUYER_LIMIT
    [bought] = decide(state, buy("alice", 1, at=2_000))
    assert isinstance(bought, FlashSalePurchased) and bought.buyer_total == 2
    assert refusal(given(OPEN, buy("alice", 2)), buy("alice", 1, at=3_000)) is (
        Reason.OVER_BUYER_LIMIT
    )


def test_no_purchase_after_the_deadline() -> None:
    state = given(OPEN)
    assert isinstance(decide(state, buy("alice", at=60_000))[0], FlashSalePurchased)
    assert refusal(state, buy("alice", at=60_001)) is Reason.CLOSED


def test_close_at_the_deadline_reports_what_sold_and_stale_closes_are_ignored() -> None:
    state = given(OPEN, buy("alice", 2))
    assert decide(state, CloseFlashSale("c0", SALE_ID, 59_999)) == []
    [closed] = decide(state, CloseFlashSale("c1", SALE_ID, 60_000))
    assert closed == FlashSaleClosed(SALE_ID, "c1", 60_000, 2, 3, False, "listing-1", "show-1")
    after = given(OPEN, buy("alice", 2), CloseFlashSale("c1", SALE_ID, 60_000))
    assert decide(after, CloseFlashSale("c2", SALE_ID, 61_000)) == []
    assert refusal(after, buy("bob", at=60_000)) is Reason.CLOSED


def test_eligibility_and_input() -> None:
    state = given(OPEN)
    assert refusal(None, buy("alice")) is Reason.NOT_FOUND
    assert refusal(state, buy("seller")) is Reason.SELLER_CANNOT_BID
    assert refusal(state, buy("alice", 0)) is Reason.INVALID
    over = buy("alice", 2, limit=5_000, owed=2_001)
    assert refusal(state, over) is Reason.OVER_SPENDING_LIMIT
    within = replace(over, open_commitments_cents=2_000)
    assert isinstance(decide(state, within)[0], FlashSalePurchased)
