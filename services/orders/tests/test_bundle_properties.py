"""Properties of the bundle over any sequence of commands: no order leaves a final state,
every ledger posting balances, and money in = money out + held."""

from __future__ import annotations

from typing import Any

from bundle_builders import BUNDLE, fold, order
from hypothesis import given, settings
from hypothesis import strategies as st

from livebid_orders import bundle as b
from livebid_orders import messages as m
from livebid_orders.ledger import CLEARING, balances, escrow


def commands_for(state: b.Bundle | None, pick: int, choice: int) -> Any:
    """A command chosen by two numbers, aimed at what the bundle holds now."""
    charges = state.charges if state else ()
    refunds = state.refunds if state else ()
    lines = state.lines if state else ()
    charge = charges[pick % len(charges)].charge_id if charges else "none"
    line = lines[pick % len(lines)].order_id if lines else "none"
    options = [
        order(pick % 4, price=(pick % 3) * 1500, at_ms=1_000),
        m.PaymentSucceeded(BUNDLE, charge, "ch"),
        m.PaymentDeclined(BUNDLE, charge, "card_declined"),
        m.RetryPayment(BUNDLE, "bea", "card:new"),
        m.EndShow(BUNDLE, at_ms=5_000),
        m.CancelOrder(BUNDLE, line, "sam", "r"),
        m.RequestCancellation(BUNDLE, line, "bea", "r", at_ms=2_000),
        m.AnswerCancellation(BUNDLE, line, "sam", accept=pick % 2 == 0),
        m.MarkShipped(BUNDLE, "sam", "UPS", "1Z"),
        m.ConfirmDelivery(BUNDLE, "bea", at_ms=9_000),
        m.RefundSucceeded(BUNDLE, refunds[0][0] if refunds else "none", "re"),
    ]
    return options[choice % len(options)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=40))
def test_no_final_state_is_left_and_money_is_conserved(picks: list[tuple[int, int]]) -> None:
    state: b.Bundle | None = None
    postings: list[Any] = []
    for pick, choice in picks:
        command = commands_for(state, pick, choice)
        try:
            events = b.decide(state, command)
        except (b.Refusal, ValueError):
            continue
        after = fold(events, state)
        if state is not None and after is not None:
            before = {x.order_id: x.status for x in state.lines}
            for line in after.lines:
                if before.get(line.order_id) in b.FINAL:
                    assert line.status is before[line.order_id], "left a final state"
        postings += [e.entries for e in events if isinstance(e, m.LedgerPosted)]
        state = after
    for entries in postings:
        assert sum(x.amount_cents for x in entries) == 0, "an unbalanced posting"
    totals = balances(postings)
    money_in = -sum(
        x.amount_cents for p in postings for x in p if x.account == CLEARING and x.amount_cents < 0
    )
    refunded = sum(
        x.amount_cents for p in postings for x in p if x.account == CLEARING and x.amount_cents > 0
    )
    paid_out = sum(
        v for k, v in totals.items() if k.startswith("seller_payouts:") or k == "platform_fees"
    )
    held = totals.get(escrow("sam"), 0)
    assert money_in == refunded + paid_out + held
    assert held == (state.held_cents if state else 0) and held >= 0
