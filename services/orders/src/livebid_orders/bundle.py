"""The bundle: everything one buyer won from one seller in one show, with each order's life.

One aggregate (keyed by bundle id) is the one writer of its orders, their charges and
refunds, its shipping charge, and its escrow, so every money rule is decided in one place:

    order:  payment_pending -> paid -> shipped -> delivered -> payout_released
                 |   ^ retry (until the show ends)
                 v   |
            payment_failed --(show ends)--> cancelled (relisted)
            (any, before shipping) --(seller cancels / accepts the buyer's request)--> cancelled

`cancelled` and `payout_released` are final. Money received for an order that is no longer
owed (cancelled, or paid by another attempt) is refunded: nothing is kept that is not due.
Shipping is charged once the show ends (the bundle is complete), and recomputed, with the
difference charged or refunded, when items leave. Pure: no clock, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from functools import singledispatch
from typing import Any

from livebid_orders import ledger
from livebid_orders import messages as m
from livebid_orders.domain import InvalidSale, OrderPlaced, PlaceOrder
from livebid_orders.shipping import parse_or_free

# A buyer may ask to cancel within this time of the order's placement (log time).
CANCEL_WINDOW_MS = 30 * 60 * 1000


class Status(StrEnum):
    PAYMENT_PENDING = "payment_pending"
    PAYMENT_FAILED = "payment_failed"
    PAID = "paid"
    CANCELLED = "cancelled"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    PAYOUT_RELEASED = "payout_released"


FINAL = frozenset({Status.CANCELLED, Status.PAYOUT_RELEASED})


class Refusal(Exception):
    """A command the bundle refuses; the caller gets the code and this reason."""


class NotYours(Refusal):
    pass


class NoSuchOrder(Refusal):
    pass


class TooLate(Refusal):
    pass


class NotReady(Refusal):
    pass


class NothingToRetry(Refusal):
    pass


REFUSALS: dict[type[Exception], str] = {
    NotYours: "not_yours",
    NoSuchOrder: "not_found",
    TooLate: "too_late",
    NotReady: "not_ready",
    NothingToRetry: "nothing_to_retry",
}


@dataclass(frozen=True)
class Line:
    """One order in the bundle."""

    order_id: str
    listing_id: str
    auction_id: str  # what it was sold in: an auction, a flash sale or a giveaway
    price_cents: int
    placed_at_ms: int
    status: Status = Status.PAYMENT_PENDING
    paid_cents: int = 0  # what the buyer paid for it and has not been refunded
    cancel_requested: bool = False
    reason: str = ""

    @property
    def live(self) -> bool:
        return self.status is not Status.CANCELLED


@dataclass(frozen=True)
class Charge:
    charge_id: str
    order_id: str  # "" for shipping
    amount_cents: int
    attempt: int
    state: str = "pending"  # pending, failed, succeeded


@dataclass(frozen=True)
class Bundle:
    bundle_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    currency: str
    shipping_profile: str
    lines: tuple[Line, ...] = ()
    charges: tuple[Charge, ...] = ()
    card_ref: str = ""
    status: str = "open"  # open, closed (show ended), shipped, delivered, paid_out
    shipping_cents: int = 0  # what shipping costs now, for the live items
    shipping_paid_cents: int = 0  # shipping received, less shipping refunds asked for
    held_cents: int = 0  # in escrow: received, less refunds completed and the payout
    refunds: tuple[tuple[str, int], ...] = ()  # pending: (refund id, amount)
    refund_count: int = 0
    carrier: str = ""
    tracking_number: str = ""

    @property
    def closed(self) -> bool:
        return self.status != "open"

    @property
    def shipped(self) -> bool:
        return self.status in ("shipped", "delivered", "paid_out")

    def line(self, order_id: str) -> Line | None:
        return next((x for x in self.lines if x.order_id == order_id), None)

    def charge(self, charge_id: str) -> Charge | None:
        return next((c for c in self.charges if c.charge_id == charge_id), None)

    def latest_charges(self) -> list[Charge]:
        """The newest attempt of each purpose (an order, or shipping)."""
        newest: dict[str, Charge] = {}
        for c in self.charges:
            newest[c.order_id] = c  # appended in order: the later attempt wins
        return list(newest.values())

    def shipping_due(self) -> int:
        live = [x.price_cents for x in self.lines if x.live]
        return parse_or_free(self.shipping_profile).cost(live)


def saved_card(buyer_id: str) -> str:
    """The buyer's saved payment method, as the provider knows it (its customer's default)."""
    return f"saved:{buyer_id}"


class _Step:
    """Events decided so far, and the bundle after them (later rules see earlier events)."""

    def __init__(self, bundle: Bundle | None) -> None:
        self.state = bundle
        self.events: list[Any] = []

    @property
    def bundle(self) -> Bundle:
        assert self.state is not None
        return self.state

    def emit(self, event: Any) -> None:
        self.events.append(event)
        self.state = evolve(self.state, event)


def decide(bundle: Bundle | None, command: Any) -> list[Any]:
    """The events `command` calls for; [] when it changes nothing; raises a Refusal."""
    if isinstance(command, PlaceOrder):
        return _place(bundle, command)
    if bundle is None:
        if isinstance(command, m.EndShow):
            return []  # a show's end reaches only bundles that exist; nothing to close
        raise NoSuchOrder(f"no bundle {command.bundle_id!r}")
    step = _Step(bundle)
    _DECIDE[type(command)](step, command)
    return step.events


def _place(bundle: Bundle | None, cmd: PlaceOrder) -> list[Any]:
    if not (cmd.order_id and cmd.buyer_id and cmd.seller_id and cmd.bundle_id):
        raise InvalidSale("an order needs an id, a bundle, a buyer and a seller")
    if cmd.price_cents < 0 or not cmd.currency:
        raise InvalidSale("an order needs a price (0 for a prize) with a currency")
    if bundle is not None and bundle.line(cmd.order_id) is not None:
        return []
    step = _Step(bundle)
    step.emit(OrderPlaced(**vars(cmd)))
    b = step.bundle
    if cmd.price_cents > 0:
        card = b.card_ref or saved_card(cmd.buyer_id)
        step.emit(_charge(b, cmd.order_id, cmd.price_cents, 1, card))
    else:
        step.emit(_paid(b, cmd.order_id, 0))
    _reprice_shipping(step)
    return step.events


def _charge(b: Bundle, order_id: str, amount: int, attempt: int, card: str) -> m.ChargeRequested:
    if order_id:
        charge_id = f"{order_id}:a{attempt}"
    else:
        charge_id = f"{b.bundle_id}:ship{sum(1 for c in b.charges if not c.order_id) + 1}"
    return m.ChargeRequested(
        b.bundle_id, charge_id, order_id, amount, b.currency, card, attempt, b.buyer_id
    )


def _paid(b: Bundle, order_id: str, amount: int) -> m.OrderPaid:
    return m.OrderPaid(
        b.bundle_id, order_id, b.buyer_id, b.seller_id, b.show_id, amount, b.currency
    )


def _posting(b: Bundle, posting_id: str, kind: str, entries: Any) -> m.LedgerPosted:
    return m.LedgerPosted(b.bundle_id, b.show_id, posting_id, kind, b.currency, entries)


def _refund(step: _Step, order_id: str, amount: int, kind: str) -> None:
    b = step.bundle
    refund_id = f"{b.bundle_id}:refund{b.refund_count + 1}"
    step.emit(
        m.RefundRequested(b.bundle_id, refund_id, order_id, amount, b.currency, b.buyer_id, kind)
    )


def _reprice_shipping(step: _Step) -> None:
    """Announce a new shipping cost, and once the show ended charge or refund the gap."""
    b = step.bundle
    if b.shipped:
        return
    due = b.shipping_due()
    if due != b.shipping_cents:
        items = sum(1 for x in b.lines if x.live)
        step.emit(
            m.ShippingChanged(
                b.bundle_id, b.buyer_id, b.seller_id, b.show_id, items, due, b.currency
            )
        )
    b = step.bundle
    if not b.closed:
        return  # items may still join: shipping is charged when the show ends
    shipping = [c for c in b.charges if not c.order_id]
    if shipping and shipping[-1].state in ("pending", "failed"):
        return  # wait for it, or for the buyer's retry (a decline is not re-tried alone)
    if due > b.shipping_paid_cents:
        card = b.card_ref or saved_card(b.buyer_id)
        step.emit(_charge(b, "", due - b.shipping_paid_cents, len(shipping) + 1, card))
    elif due < b.shipping_paid_cents:
        _refund(step, "", b.shipping_paid_cents - due, "shipping")


def _cancel(step: _Step, line: Line, by: str, reason: str) -> None:
    b = step.bundle
    refund = line.paid_cents
    step.emit(
        m.OrderCancelled(
            b.bundle_id,
            line.order_id,
            b.buyer_id,
            b.seller_id,
            b.show_id,
            line.listing_id,
            by,
            reason,
            refund,
            b.currency,
            True,  # the seller still has the unit: it is available again
        )
    )
    if refund > 0:
        _refund(step, line.order_id, refund, "order")
    _reprice_shipping(step)


def _known_charge(b: Bundle, charge_id: str) -> Charge:
    charge = b.charge(charge_id)
    if charge is None:
        raise ValueError(f"{b.bundle_id} never asked for charge {charge_id!r}")
    return charge


def _succeeded(step: _Step, cmd: m.PaymentSucceeded) -> None:
    charge = _known_charge(step.bundle, cmd.charge_id)
    if charge.state == "succeeded":
        return  # a redelivered or late confirmation: the money was counted once
    b = step.bundle
    step.emit(m.ChargeSucceeded(b.bundle_id, charge.charge_id, cmd.provider_ref))
    entries = ledger.charge_entries(b.seller_id, charge.amount_cents)
    step.emit(_posting(b, charge.charge_id, "charge", entries))
    if not charge.order_id:
        _reprice_shipping(step)  # items may have left while it was pending
        return
    line = step.bundle.line(charge.order_id)
    assert line is not None
    if line.status in (Status.PAYMENT_PENDING, Status.PAYMENT_FAILED):
        step.emit(_paid(step.bundle, line.order_id, charge.amount_cents))
    else:
        # Cancelled meanwhile, or paid by another attempt: what is not owed goes back.
        _refund(step, charge.order_id, charge.amount_cents, "not_owed")


def _declined(step: _Step, cmd: m.PaymentDeclined) -> None:
    charge = _known_charge(step.bundle, cmd.charge_id)
    if charge.state != "pending":
        return
    b = step.bundle
    line = b.line(charge.order_id) if charge.order_id else None
    if charge.order_id and b.closed:
        until, todo = "none", "The show has ended: this order is cancelled."
    elif charge.order_id:
        until, todo = "show_end", "Retry with another card before the show ends."
    else:
        until, todo = "before_shipping", "Retry with another card so the bundle can ship."
    step.emit(
        m.PaymentFailed(
            b.bundle_id,
            charge.charge_id,
            charge.order_id,
            b.buyer_id,
            b.show_id,
            charge.amount_cents,
            b.currency,
            cmd.reason or "declined",
            todo,
            until,
        )
    )
    if line is not None and line.live and b.closed:
        _cancel(step, step.bundle.line(line.order_id) or line, "payment", "payment failed")


def _refunded(step: _Step, cmd: m.RefundSucceeded) -> None:
    b = step.bundle
    pending = dict(b.refunds)
    if cmd.refund_id not in pending:
        return  # already completed (or never asked for: nothing to book)
    step.emit(m.RefundCompleted(b.bundle_id, cmd.refund_id, cmd.provider_ref))
    entries = ledger.refund_entries(b.seller_id, pending[cmd.refund_id])
    step.emit(_posting(step.bundle, cmd.refund_id, "refund", entries))


def _retry(step: _Step, cmd: m.RetryPayment) -> None:
    b = step.bundle
    if cmd.buyer_id != b.buyer_id:
        raise NotYours("this bundle is another buyer's")
    if not cmd.card_ref:
        raise ValueError("a retry needs a card")
    failed = [c for c in b.latest_charges() if c.state == "failed"]
    for c in failed:
        line = b.line(c.order_id) if c.order_id else None
        if line is not None and line.status is not Status.PAYMENT_FAILED:
            continue
        amount = c.amount_cents if line else step.bundle.shipping_due() - b.shipping_paid_cents
        if amount > 0:
            step.emit(_charge(step.bundle, c.order_id, amount, c.attempt + 1, cmd.card_ref))
    if not step.events:
        raise NothingToRetry("no failed payment to retry")


def _end_show(step: _Step, cmd: m.EndShow) -> None:
    if step.bundle.closed:
        return
    step.emit(m.BundleClosed(step.bundle.bundle_id, cmd.at_ms))
    for line in step.bundle.lines:
        if line.status is Status.PAYMENT_FAILED:
            _cancel(step, line, "payment", "payment failed until the show ended")
    _reprice_shipping(step)


def _open_line(b: Bundle, order_id: str) -> Line | None:
    """The order, or None if cancelled already (a repeat has no effect); refuses if shipped."""
    line = b.line(order_id)
    if line is None:
        raise NoSuchOrder(f"no order {order_id!r} in this bundle")
    if not line.live:
        return None
    if b.shipped:
        raise TooLate("the bundle has shipped")
    return line


def _seller_cancels(step: _Step, cmd: m.CancelOrder) -> None:
    if cmd.seller_id != step.bundle.seller_id:
        raise NotYours("this order is another seller's")
    if (line := _open_line(step.bundle, cmd.order_id)) is not None:
        _cancel(step, line, "seller", cmd.reason or "cancelled by the seller")


def _buyer_asks(step: _Step, cmd: m.RequestCancellation) -> None:
    b = step.bundle
    if cmd.buyer_id != b.buyer_id:
        raise NotYours("this order is another buyer's")
    line = _open_line(b, cmd.order_id)
    if line is None or line.cancel_requested:
        return
    if cmd.at_ms - line.placed_at_ms > CANCEL_WINDOW_MS:
        raise TooLate("cancellation can be asked for within 30 minutes of the order")
    step.emit(
        m.CancellationRequested(b.bundle_id, line.order_id, b.buyer_id, b.seller_id, cmd.reason)
    )


def _seller_answers(step: _Step, cmd: m.AnswerCancellation) -> None:
    b = step.bundle
    if cmd.seller_id != b.seller_id:
        raise NotYours("this order is another seller's")
    line = _open_line(b, cmd.order_id)
    if line is None:
        return
    if not line.cancel_requested:
        raise NotReady("the buyer has not asked to cancel this order")
    if cmd.accept:
        _cancel(step, line, "buyer", line.reason or "the buyer asked to cancel")
    else:
        step.emit(m.CancellationDeclined(b.bundle_id, line.order_id, b.buyer_id, b.seller_id))


def _ship(step: _Step, cmd: m.MarkShipped) -> None:
    b = step.bundle
    if cmd.seller_id != b.seller_id:
        raise NotYours("this bundle is another seller's")
    if b.shipped:
        return
    if not (cmd.carrier and cmd.tracking_number):
        raise ValueError("shipping needs a carrier and a tracking number")
    live = [x for x in b.lines if x.live]
    problem = (
        (not b.closed and "the show is still live: more items may join the bundle")
        or (not live and "nothing left to ship")
        or (any(x.status is not Status.PAID for x in live) and "some orders are not paid")
        or (any(x.cancel_requested for x in live) and "answer the cancellation request first")
        or (b.shipping_paid_cents != b.shipping_due() and "shipping is not paid yet")
        or (b.refunds and "a refund is still in progress")
    )
    if problem:
        raise NotReady(problem)
    ids = tuple(x.order_id for x in live)
    step.emit(
        m.BundleShipped(
            b.bundle_id, b.buyer_id, b.seller_id, b.show_id, cmd.carrier, cmd.tracking_number, ids
        )
    )


def _deliver(step: _Step, cmd: m.ConfirmDelivery) -> None:
    b = step.bundle
    if cmd.confirmed_by not in (b.buyer_id, "carrier"):
        raise NotYours("only the buyer or the carrier confirms delivery")
    if b.status in ("delivered", "paid_out"):
        return
    if b.status != "shipped":
        raise NotReady("the bundle has not shipped")
    step.emit(
        m.BundleDelivered(
            b.bundle_id, b.buyer_id, b.seller_id, b.show_id, cmd.confirmed_by, cmd.at_ms
        )
    )
    # Escrow ends with delivery: the seller gets what the bundle held, less the fee.
    gross = b.held_cents
    fee = ledger.fee_for(gross)
    step.emit(
        m.PayoutReleased(b.bundle_id, b.seller_id, b.show_id, gross, fee, gross - fee, b.currency)
    )
    entries = ledger.payout_entries(b.seller_id, gross)
    step.emit(_posting(step.bundle, f"{b.bundle_id}:payout", "payout", entries))


_DECIDE: dict[type, Any] = {
    m.PaymentSucceeded: _succeeded,
    m.PaymentDeclined: _declined,
    m.RefundSucceeded: _refunded,
    m.RetryPayment: _retry,
    m.EndShow: _end_show,
    m.CancelOrder: _seller_cancels,
    m.RequestCancellation: _buyer_asks,
    m.AnswerCancellation: _seller_answers,
    m.MarkShipped: _ship,
    m.ConfirmDelivery: _deliver,
}


# Evolve: the bundle after one event. A line in a final state never changes again.


def _lines(b: Bundle, order_id: str, **changes: Any) -> Bundle:
    lines = tuple(
        replace(x, **changes) if x.order_id == order_id and x.status not in FINAL else x
        for x in b.lines
    )
    return replace(b, lines=lines)


def _all_lines(b: Bundle, source: Status, target: Status) -> Bundle:
    lines = tuple(replace(x, status=target) if x.status is source else x for x in b.lines)
    return replace(b, lines=lines)


@singledispatch
def _evolve(event: Any, b: Bundle) -> Bundle:
    return b  # LedgerPosted, and anything else that only informs


@_evolve.register
def _(e: m.ChargeRequested, b: Bundle) -> Bundle:
    charge = Charge(e.charge_id, e.order_id, e.amount_cents, e.attempt)
    b = replace(b, charges=(*b.charges, charge), card_ref=e.card_ref)
    return _lines(b, e.order_id, status=Status.PAYMENT_PENDING) if e.order_id else b


def _charge_state(b: Bundle, charge_id: str, state: str) -> Bundle:
    charges = tuple(replace(c, state=state) if c.charge_id == charge_id else c for c in b.charges)
    return replace(b, charges=charges)


@_evolve.register
def _(e: m.ChargeSucceeded, b: Bundle) -> Bundle:
    charge = b.charge(e.charge_id)
    assert charge is not None
    b = replace(
        _charge_state(b, e.charge_id, "succeeded"), held_cents=b.held_cents + charge.amount_cents
    )
    if not charge.order_id:
        b = replace(b, shipping_paid_cents=b.shipping_paid_cents + charge.amount_cents)
    return b


@_evolve.register
def _(e: m.PaymentFailed, b: Bundle) -> Bundle:
    b = _charge_state(b, e.charge_id, "failed")
    if e.order_id:
        b = _lines(b, e.order_id, status=Status.PAYMENT_FAILED, reason=e.reason)
    return b


@_evolve.register
def _(e: m.OrderPaid, b: Bundle) -> Bundle:
    return _lines(b, e.order_id, status=Status.PAID, paid_cents=e.amount_cents, reason="")


@_evolve.register
def _(e: m.OrderCancelled, b: Bundle) -> Bundle:
    return _lines(b, e.order_id, status=Status.CANCELLED, reason=e.reason, cancel_requested=False)


@_evolve.register
def _(e: m.RefundRequested, b: Bundle) -> Bundle:
    b = replace(
        b, refunds=(*b.refunds, (e.refund_id, e.amount_cents)), refund_count=b.refund_count + 1
    )
    if e.kind == "order":
        # The cancelled line keeps nothing paid (its status is final: set it directly).
        lines = tuple(replace(x, paid_cents=0) if x.order_id == e.order_id else x for x in b.lines)
        return replace(b, lines=lines)
    if e.kind == "shipping":
        return replace(b, shipping_paid_cents=b.shipping_paid_cents - e.amount_cents)
    return b


@_evolve.register
def _(e: m.RefundCompleted, b: Bundle) -> Bundle:
    amount = dict(b.refunds).get(e.refund_id, 0)
    refunds = tuple(r for r in b.refunds if r[0] != e.refund_id)
    return replace(b, refunds=refunds, held_cents=b.held_cents - amount)


@_evolve.register
def _(e: m.CancellationRequested, b: Bundle) -> Bundle:
    return _lines(b, e.order_id, cancel_requested=True, reason=e.reason)


@_evolve.register
def _(e: m.CancellationDeclined, b: Bundle) -> Bundle:
    return _lines(b, e.order_id, cancel_requested=False, reason="")


@_evolve.register
def _(e: m.ShippingChanged, b: Bundle) -> Bundle:
    return replace(b, shipping_cents=e.shipping_cents)


@_evolve.register
def _(e: m.BundleClosed, b: Bundle) -> Bundle:
    return replace(b, status="closed")


@_evolve.register
def _(e: m.BundleShipped, b: Bundle) -> Bundle:
    b = replace(b, status="shipped", carrier=e.carrier, tracking_number=e.tracking_number)
    return _all_lines(b, Status.PAID, Status.SHIPPED)


@_evolve.register
def _(e: m.BundleDelivered, b: Bundle) -> Bundle:
    return _all_lines(replace(b, status="delivered"), Status.SHIPPED, Status.DELIVERED)


@_evolve.register
def _(e: m.PayoutReleased, b: Bundle) -> Bundle:
    b = replace(b, status="paid_out", held_cents=b.held_cents - e.gross_cents)
    return _all_lines(b, Status.DELIVERED, Status.PAYOUT_RELEASED)


def evolve(bundle: Bundle | None, event: Any) -> Bundle | None:
    """The bundle after `event` (an OrderPlaced opens it, or adds a line)."""
    if isinstance(event, OrderPlaced):
        return _placed(bundle, event)
    if bundle is None:
        return None
    return _evolve(event, bundle)


def _placed(b: Bundle | None, e: OrderPlaced) -> Bundle:
    if b is None:
        b = Bundle(e.bundle_id, e.show_id, e.seller_id, e.buyer_id, e.currency, e.shipping_profile)
    if b.line(e.order_id) is not None:
        return b
    line = Line(e.order_id, e.listing_id, e.auction_id, e.price_cents, e.placed_at_ms)
    return replace(b, lines=(*b.lines, line))
