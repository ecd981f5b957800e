"""The bundle's rules, as given a bundle, when a command, then events."""

from __future__ import annotations

import pytest
from bundle_builders import BUNDLE, order, run

from livebid_orders import bundle as b
from livebid_orders import messages as m
from livebid_orders.ledger import balances


def kinds(events: list[object]) -> list[str]:
    return [type(e).__name__ for e in events]


def test_a_sold_unit_places_one_order_and_charges_the_saved_card_once() -> None:
    state, events = run(None, order(1), order(1))
    assert kinds(events) == ["OrderPlaced", "ChargeRequested", "ShippingChanged"]
    charge = events[1]
    assert (charge.charge_id, charge.card_ref, charge.amount_cents) == (
        "ord-1:a1",
        "saved:bea",
        2000,
    )
    assert state is not None and state.lines[0].status is b.Status.PAYMENT_PENDING


def test_a_prize_is_a_paid_zero_price_order_that_still_ships() -> None:
    prize = order(1, price=0)
    state, events = run(None, prize)
    assert kinds(events) == ["OrderPlaced", "OrderPaid", "ShippingChanged"]
    assert state is not None and state.shipping_cents == 500


def test_shipping_is_recomputed_as_items_join_with_a_cap_and_a_free_threshold() -> None:
    state, _ = run(None, order(1), order(2), order(3))
    assert state is not None and state.shipping_cents == 1200  # 3 x 500, capped at 1200
    state, _ = run(state, order(4, price=5000))
    assert state is not None and state.shipping_cents == 0  # 11000 >= 10000 ships free


def test_a_decline_can_be_retried_with_a_new_card_and_then_paid() -> None:
    state, _ = run(None, order(1))
    state, events = run(state, m.PaymentDeclined(BUNDLE, "ord-1:a1", "card_declined"))
    failed = events[0]
    assert isinstance(failed, m.PaymentFailed) and failed.retry_until == "show_end"
    state, events = run(state, m.RetryPayment(BUNDLE, "bea", "card:new"))
    assert [(e.charge_id, e.card_ref) for e in events] == [("ord-1:a2", "card:new")]
    state, events = run(state, m.PaymentSucceeded(BUNDLE, "ord-1:a2", "ch_1"))
    assert kinds(events) == ["ChargeSucceeded", "LedgerPosted", "OrderPaid"]
    assert state is not None and state.held_cents == 2000


def test_a_late_confirmation_twice_counts_the_money_once() -> None:
    state, _ = run(None, order(1))
    ok = m.PaymentSucceeded(BUNDLE, "ord-1:a1", "ch_1")
    state, events = run(state, ok, ok)
    assert kinds(events) == ["ChargeSucceeded", "LedgerPosted", "OrderPaid"]


def test_declined_until_the_show_ends_cancels_and_relists() -> None:
    state, _ = run(None, order(1), m.PaymentDeclined(BUNDLE, "ord-1:a1", "card_declined"))
    state, events = run(state, m.EndShow(BUNDLE, at_ms=5_000))
    cancelled = next(e for e in events if isinstance(e, m.OrderCancelled))
    assert (cancelled.cancelled_by, cancelled.relisted, cancelled.refund_cents) == (
        "payment",
        True,
        0,
    )
    with pytest.raises(b.NothingToRetry):
        b.decide(state, m.RetryPayment(BUNDLE, "bea", "card:new"))


def paid_and_closed() -> b.Bundle:
    state, _ = run(
        None,
        order(1),
        order(2, price=3000),
        m.PaymentSucceeded(BUNDLE, "ord-1:a1", "ch_1"),
        m.PaymentSucceeded(BUNDLE, "ord-2:a1", "ch_2"),
        m.EndShow(BUNDLE, at_ms=5_000),
    )
    assert state is not None
    return state


def test_the_show_end_charges_the_bundles_shipping_once() -> None:
    state = paid_and_closed()
    ship = [c for c in state.charges if not c.order_id]
    assert [(c.charge_id, c.amount_cents) for c in ship] == [(f"{BUNDLE}:ship1", 1000)]


def test_shipped_delivered_and_paid_out_less_the_fee_rounded_down() -> None:
    state = paid_and_closed()
    with pytest.raises(b.NotReady):
        b.decide(state, m.MarkShipped(BUNDLE, "sam", "UPS", "1Z"))
    state, _ = run(state, m.PaymentSucceeded(BUNDLE, f"{BUNDLE}:ship1", "ch_3"))
    state, events = run(state, m.MarkShipped(BUNDLE, "sam", "UPS", "1Z"))
    assert events[0].order_ids == ("ord-1", "ord-2")
    state, events = run(state, m.ConfirmDelivery(BUNDLE, "bea", at_ms=9_000))
    payout = next(e for e in events if isinstance(e, m.PayoutReleased))
    assert (payout.gross_cents, payout.fee_cents, payout.net_cents) == (6000, 480, 5520)
    assert state is not None and {x.status for x in state.lines} == {b.Status.PAYOUT_RELEASED}


def test_a_seller_cancel_refunds_in_full_and_shipping_shrinks() -> None:
    state = paid_and_closed()
    state, _ = run(state, m.PaymentSucceeded(BUNDLE, f"{BUNDLE}:ship1", "ch_3"))
    state, events = run(state, m.CancelOrder(BUNDLE, "ord-2", "sam", "broken"))
    refunds = [(e.kind, e.amount_cents) for e in events if isinstance(e, m.RefundRequested)]
    assert refunds == [("order", 3000), ("shipping", 500)]
    with pytest.raises(b.NotYours):
        b.decide(state, m.CancelOrder(BUNDLE, "ord-1", "mallory", ""))


def test_a_buyer_asks_within_the_window_and_the_seller_answers() -> None:
    state = paid_and_closed()
    late = m.RequestCancellation(
        BUNDLE, "ord-1", "bea", "changed mind", at_ms=1_000 + b.CANCEL_WINDOW_MS + 1
    )
    with pytest.raises(b.TooLate):
        b.decide(state, late)
    state, _ = run(
        state, m.RequestCancellation(BUNDLE, "ord-1", "bea", "changed mind", at_ms=2_000)
    )
    state, events = run(state, m.AnswerCancellation(BUNDLE, "ord-1", "sam", accept=False))
    assert kinds(events) == ["CancellationDeclined"]
    state, _ = run(state, m.RequestCancellation(BUNDLE, "ord-2", "bea", "too big", at_ms=2_000))
    state, events = run(state, m.AnswerCancellation(BUNDLE, "ord-2", "sam", accept=True))
    assert next(e for e in events if isinstance(e, m.OrderCancelled)).cancelled_by == "buyer"


def test_money_for_a_cancelled_order_is_refunded_when_it_arrives_late() -> None:
    state, _ = run(None, order(1), m.CancelOrder(BUNDLE, "ord-1", "sam", "oops"))
    state, events = run(state, m.PaymentSucceeded(BUNDLE, "ord-1:a1", "ch_1"))
    refund = next(e for e in events if isinstance(e, m.RefundRequested))
    assert (refund.kind, refund.amount_cents) == ("not_owed", 2000)
    state, events = run(state, m.RefundSucceeded(BUNDLE, refund.refund_id, "re_1"))
    posted = [e.entries for e in events if isinstance(e, m.LedgerPosted)]
    assert state is not None and state.held_cents == 0 and len(posted) == 1
    assert sum(balances(posted).values()) == 0
