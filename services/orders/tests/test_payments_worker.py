"""The payments worker against the PaymentProviderSimulator in process: every outcome
comes back as one command, and no retry or late confirmation charges twice."""

from __future__ import annotations

from livebid.orders.internal.v1 import bundle_pb2

from livebid_orders.payments_worker import PaymentsWorker
from livebid_orders.simulator import PaymentProviderSimulator
from livebid_platform.envelope import envelope


def requested(charge_id: str, card: str) -> object:
    msg = bundle_pb2.ChargeRequested(
        bundle_id="bnd-1",
        charge_id=charge_id,
        order_id="ord-1",
        amount_cents=2000,
        currency="USD",
        card_ref=card,
        attempt=1,
        buyer_id="bea",
    )
    return envelope(msg, event_id=f"e-{charge_id}", source="test", subject="bnd-1", time_ms=1)


def fast_sim() -> PaymentProviderSimulator:
    return PaymentProviderSimulator(late_after_s=0.3, lost_after_s=0.5)


async def test_an_approved_charge_is_reported_once_under_an_id_from_the_charge() -> None:
    sim = fast_sim()
    [command] = await PaymentsWorker(sim).commands_for(requested("ord-1:a1", "card:ok"))  # type: ignore[arg-type]
    assert isinstance(command.message, bundle_pb2.PaymentSucceeded)
    assert command.command_id == "outcome:ord-1:a1"
    assert len(sim.approved_charges()) == 1


async def test_a_declined_card_is_reported_with_the_providers_reason() -> None:
    sim = fast_sim()
    sim.script("card:bad", ["decline:insufficient_funds"])
    [command] = await PaymentsWorker(sim).commands_for(requested("ord-1:a1", "card:bad"))  # type: ignore[arg-type]
    assert isinstance(command.message, bundle_pb2.PaymentDeclined)
    assert command.message.reason == "insufficient_funds"


async def test_a_late_confirmation_after_the_caller_gave_up_is_still_one_charge() -> None:
    sim = fast_sim()
    sim.script("card:slow", ["late"])
    worker = PaymentsWorker(sim, call_timeout_s=0.1)
    [command] = await worker.commands_for(requested("ord-1:a1", "card:slow"))  # type: ignore[arg-type]
    assert isinstance(command.message, bundle_pb2.PaymentSucceeded)
    assert sim.calls["ord-1:a1"] > 1  # it gave up at least once and asked again
    assert len(sim.approved_charges()) == 1
    # A redelivery of the same event (a restart) asks again: still one charge.
    await worker.commands_for(requested("ord-1:a1", "card:slow"))  # type: ignore[arg-type]
    assert len(sim.approved_charges()) == 1


async def test_a_lost_request_is_asked_again_and_charged_once() -> None:
    sim = fast_sim()
    sim.script("card:flaky", ["timeout", "approve"])
    worker = PaymentsWorker(sim, call_timeout_s=0.1)
    [command] = await worker.commands_for(requested("ord-1:a1", "card:flaky"))  # type: ignore[arg-type]
    assert isinstance(command.message, bundle_pb2.PaymentSucceeded)
    assert len(sim.approved_charges()) == 1
