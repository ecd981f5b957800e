"""A flash sale: a fixed price (or a discount) for a quantity, for a set time, with a
per-buyer limit. Its commands, events, `decide` and `evolve` live together here.

One aggregate per sale, decided in log order like an auction: each purchase is decided
against what the purchases before it left, so a thousand buyers tapping at once for ten
units make exactly ten sales. A purchase is all or nothing (no partial fills): the buyer
asked for a number of units and either gets them all or a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from livebid_bidding.domain.eligibility import over_spending_limit
from livebid_bidding.domain.errors import InvalidCommand

# Commands


@dataclass(frozen=True)
class OpenFlashSale:
    command_id: str
    sale_id: str
    listing_id: str
    show_id: str
    seller_id: str
    price_cents: int
    currency: str
    quantity: int
    # Most units one buyer may buy in this sale; 0 means no limit beyond the quantity.
    per_buyer_limit: int
    duration_ms: int
    at_ms: int
    # The undiscounted price shown struck through; 0 means no discount is shown.
    list_price_cents: int = 0


@dataclass(frozen=True)
class BuyFlashSale:
    command_id: str
    sale_id: str
    buyer_id: str
    quantity: int
    at_ms: int
    # As for PlaceBid: a new buyer's spending limit and their open commitments (0: none).
    spending_limit_cents: int = 0
    open_commitments_cents: int = 0


@dataclass(frozen=True)
class CloseFlashSale:
    """Appended by the deadline scheduler; stale (ignored) before the sale's deadline."""

    command_id: str
    sale_id: str
    at_ms: int


FlashSaleCommand = OpenFlashSale | BuyFlashSale | CloseFlashSale

# Events


class FlashSaleRejectionReason(Enum):
    SOLD_OUT = "sold_out"
    NOT_ENOUGH_LEFT = "not_enough_left"  # some left, fewer than asked for
    OVER_BUYER_LIMIT = "over_buyer_limit"
    OVER_SPENDING_LIMIT = "over_spending_limit"
    CLOSED = "closed"
    NOT_FOUND = "not_found"
    SELLER_CANNOT_BID = "seller_cannot_bid"
    INVALID = "invalid"


@dataclass(frozen=True)
class FlashSaleOpened:
    sale_id: str
    command_id: str
    listing_id: str
    show_id: str
    seller_id: str
    price_cents: int
    list_price_cents: int
    currency: str
    quantity: int
    per_buyer_limit: int
    opened_at_ms: int
    deadline_ms: int


@dataclass(frozen=True)
class FlashSalePurchased:
    sale_id: str
    command_id: str
    buyer_id: str
    quantity: int
    unit_price_cents: int
    at_ms: int
    # Units left in the sale, and units this buyer now holds, after this purchase.
    remaining: int
    buyer_total: int
    # What was sold, by whom, so consumers (orders) need no other event to act on it.
    listing_id: str = ""
    show_id: str = ""
    seller_id: str = ""
    currency: str = ""


@dataclass(frozen=True)
class FlashSalePurchaseRejected:
    sale_id: str
    command_id: str
    buyer_id: str
    quantity: int
    at_ms: int
    reason: FlashSaleRejectionReason
    remaining: int


@dataclass(frozen=True)
class FlashSaleClosed:
    """The sale ended: at its deadline, or at once when its last unit sold."""

    sale_id: str
    command_id: str
    at_ms: int
    sold: int
    remaining: int
    sold_out: bool
    listing_id: str = ""
    show_id: str = ""


FlashSaleEvent = FlashSaleOpened | FlashSalePurchased | FlashSalePurchaseRejected | FlashSaleClosed

# State, decide, evolve


@dataclass(frozen=True)
class FlashSale:
    sale_id: str
    seller_id: str
    price_cents: int
    list_price_cents: int
    currency: str
    quantity: int
    per_buyer_limit: int
    deadline_ms: int
    remaining: int
    status: str = "open"  # open, closed
    # (buyer id, units bought), in the order of each buyer's first purchase.
    bought: tuple[tuple[str, int], ...] = ()
    listing_id: str = ""
    show_id: str = ""

    def bought_by(self, buyer_id: str) -> int:
        return next((units for who, units in self.bought if who == buyer_id), 0)

    @property
    def discount_cents(self) -> int:
        return max(self.list_price_cents - self.price_cents, 0)


def decide(state: FlashSale | None, command: FlashSaleCommand) -> list[FlashSaleEvent]:
    """The events that `command` causes given `state` (None: the sale does not exist)."""
    if isinstance(command, OpenFlashSale):
        return _open(state, command)
    if isinstance(command, BuyFlashSale):
        return _buy(state, command)
    return _close(state, command)


def _open(state: FlashSale | None, cmd: OpenFlashSale) -> list[FlashSaleEvent]:
    if state is not None:
        return []  # opening twice has no second effect
    if cmd.price_cents <= 0 or cmd.quantity <= 0 or cmd.duration_ms <= 0:
        raise InvalidCommand("price, quantity and duration must be positive")
    if cmd.per_buyer_limit < 0 or not cmd.currency:
        raise InvalidCommand("a per-buyer limit cannot be negative; currency is required")
    if cmd.list_price_cents and cmd.list_price_cents < cmd.price_cents:
        raise InvalidCommand("a list price is the undiscounted price: at least the price")
    return [
        FlashSaleOpened(
            sale_id=cmd.sale_id,
            command_id=cmd.command_id,
            listing_id=cmd.listing_id,
            show_id=cmd.show_id,
            seller_id=cmd.seller_id,
            price_cents=cmd.price_cents,
            list_price_cents=cmd.list_price_cents,
            currency=cmd.currency,
            quantity=cmd.quantity,
            per_buyer_limit=cmd.per_buyer_limit,
            opened_at_ms=cmd.at_ms,
            deadline_ms=cmd.at_ms + cmd.duration_ms,
        )
    ]


def _refusal(state: FlashSale | None, cmd: BuyFlashSale) -> FlashSaleRejectionReason | None:
    reason = FlashSaleRejectionReason
    if state is None:
        return reason.NOT_FOUND
    if cmd.quantity <= 0 or min(cmd.spending_limit_cents, cmd.open_commitments_cents) < 0:
        return reason.INVALID
    if state.remaining == 0:  # said before CLOSED: the sale closed because it sold out
        return reason.SOLD_OUT
    if state.status != "open" or cmd.at_ms > state.deadline_ms:
        return reason.CLOSED
    if cmd.buyer_id == state.seller_id:
        return reason.SELLER_CANNOT_BID
    if cmd.quantity > state.remaining:
        return reason.NOT_ENOUGH_LEFT
    limit = state.per_buyer_limit
    if limit and state.bought_by(cmd.buyer_id) + cmd.quantity > limit:
        return reason.OVER_BUYER_LIMIT
    total = cmd.quantity * state.price_cents
    if over_spending_limit(cmd.spending_limit_cents, cmd.open_commitments_cents, total):
        return reason.OVER_SPENDING_LIMIT
    return None


def _buy(state: FlashSale | None, cmd: BuyFlashSale) -> list[FlashSaleEvent]:
    reason = _refusal(state, cmd)
    if reason is not None:
        left = state.remaining if state else 0
        return [
            FlashSalePurchaseRejected(
                cmd.sale_id, cmd.command_id, cmd.buyer_id, cmd.quantity, cmd.at_ms, reason, left
            )
        ]
    assert state is not None
    remaining = state.remaining - cmd.quantity
    events: list[FlashSaleEvent] = [
        FlashSalePurchased(
            sale_id=state.sale_id,
            command_id=cmd.command_id,
            buyer_id=cmd.buyer_id,
            quantity=cmd.quantity,
            unit_price_cents=state.price_cents,
            at_ms=cmd.at_ms,
            remaining=remaining,
            buyer_total=state.bought_by(cmd.buyer_id) + cmd.quantity,
            listing_id=state.listing_id,
            show_id=state.show_id,
            seller_id=state.seller_id,
            currency=state.currency,
        )
    ]
    if remaining == 0:  # the last unit ends the sale now, not at its deadline
        events.append(
            FlashSaleClosed(
                state.sale_id,
                cmd.command_id,
                cmd.at_ms,
                state.quantity,
                0,
                True,
                state.listing_id,
                state.show_id,
            )
        )
    return events


def _close(state: FlashSale | None, cmd: CloseFlashSale) -> list[FlashSaleEvent]:
    if state is None or state.status != "open" or cmd.at_ms < state.deadline_ms:
        return []  # unknown, already closed, or stale (before the deadline)
    sold = state.quantity - state.remaining
    return [
        FlashSaleClosed(
            state.sale_id,
            cmd.command_id,
            cmd.at_ms,
            sold,
            state.remaining,
            False,
            state.listing_id,
            state.show_id,
        )
    ]


def evolve(state: FlashSale | None, event: FlashSaleEvent) -> FlashSale | None:
    """The state after `event`."""
    if isinstance(event, FlashSaleOpened):
        return FlashSale(
            sale_id=event.sale_id,
            seller_id=event.seller_id,
            price_cents=event.price_cents,
            list_price_cents=event.list_price_cents,
            currency=event.currency,
            quantity=event.quantity,
            per_buyer_limit=event.per_buyer_limit,
            deadline_ms=event.deadline_ms,
            remaining=event.quantity,
            listing_id=event.listing_id,
            show_id=event.show_id,
        )
    if isinstance(event, FlashSalePurchaseRejected):
        return state  # a refused purchase changes nothing (even for an unknown sale)
    assert state is not None
    if isinstance(event, FlashSalePurchased):
        bought = _with_units(state.bought, event.buyer_id, event.buyer_total)
        return replace(state, remaining=event.remaining, bought=bought)
    if isinstance(event, FlashSaleClosed):
        return replace(state, status="closed")
    return state  # a refused purchase changes nothing


def _with_units(
    bought: tuple[tuple[str, int], ...], buyer_id: str, units: int
) -> tuple[tuple[str, int], ...]:
    if any(who == buyer_id for who, _ in bought):
        return tuple((who, units if who == buyer_id else n) for who, n in bought)
    return (*bought, (buyer_id, units))


def fold(events: list[FlashSaleEvent], state: FlashSale | None = None) -> FlashSale | None:
    """Replay events onto a state."""
    for event in events:
        state = evolve(state, event)
    return state
