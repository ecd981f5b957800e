"""Properties of flash sales: never oversold, never past the per-buyer limit, nothing after
the end, and a retried purchase has no second effect."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from livebid_bidding.domain.flash_sale import (
    BuyFlashSale,
    CloseFlashSale,
    FlashSale,
    FlashSaleClosed,
    FlashSaleCommand,
    FlashSaleEvent,
    FlashSalePurchased,
    OpenFlashSale,
    decide,
    evolve,
)
from livebid_bidding.write_side import FLASH_SALES
from livebid_platform.writeside.partition import PartitionState, decide_command

SALE_ID = "sale-1"
BUYERS = st.sampled_from(["alice", "bob", "carol", "dan", "erin", "seller"])
STEPS_MS = st.integers(0, 15_000)


def open_sale(quantity: int, per_buyer_limit: int) -> OpenFlashSale:
    return OpenFlashSale(
        "open", SALE_ID, "listing", "show", "seller", 1500, "USD", quantity, per_buyer_limit,
        60_000, 0,
    )  # fmt: skip


class FlashSaleMachine(RuleBasedStateMachine):
    sent = Bundle("sent")

    @initialize(quantity=st.integers(1, 12), per_buyer_limit=st.integers(0, 4))
    def open(self, quantity: int, per_buyer_limit: int) -> None:
        self.state: FlashSale | None = None
        self.part = PartitionState()
        self.now = 0
        self.count = 0
        self.limit = per_buyer_limit
        self.quantity = quantity
        self.bought: Counter[str] = Counter()
        self.ended = False
        self.apply(open_sale(quantity, per_buyer_limit))

    def apply(self, command: FlashSaleCommand) -> list[FlashSaleEvent]:
        events = [e for e, _ in decide_command(self.part, FLASH_SALES, command, command.command_id)]
        self.state = self.part.state(FLASH_SALES, SALE_ID)
        for event in events:
            if isinstance(event, FlashSalePurchased):
                assert not self.ended, "a purchase after the sale ended"
                self.bought[event.buyer_id] += event.quantity
            if isinstance(event, FlashSaleClosed):
                assert not self.ended, "closed twice"
                self.ended = True
        return events

    @rule(target=sent, buyer=BUYERS, quantity=st.integers(0, 4), step=STEPS_MS)
    def buy(self, buyer: str, quantity: int, step: int) -> BuyFlashSale:
        self.now += step
        self.count += 1
        command = BuyFlashSale(f"buy-{self.count}", SALE_ID, buyer, quantity, self.now)
        events = self.apply(command)
        if isinstance(events[0], FlashSalePurchased):
            assert self.now <= 60_000 and buyer != "seller"
        return command

    @rule(command=sent, step=STEPS_MS)
    def resend(self, command: BuyFlashSale, step: int) -> None:
        self.now += step
        before = self.state
        assert self.apply(replace(command, at_ms=self.now)) == []
        assert self.state == before

    @rule(step=STEPS_MS)
    def close(self, step: int) -> None:
        self.now += step
        self.apply(CloseFlashSale(f"close-{self.now}", SALE_ID, self.now))

    @invariant()
    def never_oversold(self) -> None:
        assert self.state is not None
        assert sum(self.bought.values()) == self.quantity - self.state.remaining
        assert 0 <= self.state.remaining <= self.quantity

    @invariant()
    def never_past_the_per_buyer_limit(self) -> None:
        if self.limit:
            assert all(units <= self.limit for units in self.bought.values())

    @invariant()
    def sold_out_means_ended(self) -> None:
        assert self.state is not None
        if self.state.remaining == 0:
            assert self.ended and self.state.status == "closed"


FlashSaleMachine.TestCase.settings = settings(
    max_examples=200, stateful_step_count=30, deadline=None
)
TestFlashSaleProperties = FlashSaleMachine.TestCase


@settings(max_examples=50, deadline=None)
@given(
    taps=st.integers(1, 1000),
    quantity=st.integers(1, 20),
    units=st.lists(st.integers(1, 3), min_size=1, max_size=1000),
)
def test_a_crowd_tapping_at_once_buys_exactly_the_quantity(
    taps: int, quantity: int, units: list[int]
) -> None:
    """Everyone taps in the same millisecond: the log orders them, and no unit sells twice."""
    state = None
    for event in decide(None, open_sale(quantity, 0)):
        state = evolve(state, event)
    sold = 0
    for i in range(taps):
        command = BuyFlashSale(f"tap-{i}", SALE_ID, f"buyer-{i}", units[i % len(units)], 5_000)
        for event in decide(state, command):
            state = evolve(state, event)
            if isinstance(event, FlashSalePurchased):
                sold += event.quantity
    assert sold <= quantity
    if sum(units[i % len(units)] for i in range(taps)) >= quantity + 2:
        # With enough demand, all-or-nothing purchases of 1 to 3 units leave at most 2 unsold.
        assert sold >= quantity - 2


def test_a_thousand_buyers_for_ten_units_make_exactly_ten_sales() -> None:
    state = None
    purchases = []
    for event in decide(None, open_sale(10, 1)):
        state = evolve(state, event)
    for i in range(1000):
        for event in decide(state, BuyFlashSale(f"tap-{i}", SALE_ID, f"buyer-{i}", 1, 5_000)):
            state = evolve(state, event)
            if isinstance(event, FlashSalePurchased):
                purchases.append(event.buyer_id)
    assert purchases == [f"buyer-{i}" for i in range(10)]
