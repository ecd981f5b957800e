"""One live auction: `decide(state, command) -> events` and `evolve(state, event) -> state`.

Proxy bidding follows eBay's rules (shared/data/ebay-auctions/README.md): each bidder has a
maximum, the platform bids for the leader just enough to lead, the displayed price is the
lower of the leader's maximum and the runner-up's maximum plus one increment, and equal
maximums go to the earlier bid. Nothing here reads a clock: every command carries its log
time in `at_ms`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import singledispatch

from livebid_bidding.domain.commands import (
    CloseAuction,
    Command,
    Format,
    OpenAuction,
    PlaceBid,
    VoidAuction,
)
from livebid_bidding.domain.events import (
    AuctionClosed,
    AuctionOpened,
    AuctionVoided,
    BidAccepted,
    BidRejected,
    Event,
    RejectionReason,
)
from livebid_bidding.domain.increments import table


@dataclass(frozen=True)
class Auction:
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    format: Format
    starting_price_cents: int
    currency: str
    increment_table: str
    deadline_ms: int
    counter_time_ms: int
    reserve_price_cents: int
    buy_now_price_cents: int
    require_verified_buyers: bool
    status: str = "open"  # open, closed, voided
    price_cents: int = 0
    leader_id: str = ""
    leader_max_cents: int = 0
    runner_up_max_cents: int = 0
    bid_count: int = 0
    winner_id: str = ""

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def min_next_bid(self) -> int:
        """The lowest bid another bidder may place now."""
        if not self.leader_id:
            return self.starting_price_cents
        return self.price_cents + table(self.increment_table).increment_at(self.price_cents)


class InvalidCommand(ValueError):
    """A command that no state could accept (malformed input): it is dead-lettered."""


def decide(state: Auction | None, command: Command) -> list[Event]:
    """The events that `command` causes given `state` (None: the auction does not exist)."""
    if isinstance(command, OpenAuction):
        return _open(state, command)
    if isinstance(command, PlaceBid):
        return _place_bid(state, command)
    if isinstance(command, CloseAuction):
        return _close(state, command)
    return _void(state, command)


def _open(state: Auction | None, cmd: OpenAuction) -> list[Event]:
    if state is not None:
        return []  # already open: opening twice has no second effect
    table(cmd.increment_table)  # raises for an unknown table
    if cmd.starting_price_cents <= 0 or cmd.duration_ms <= 0 or cmd.counter_time_ms < 0:
        raise InvalidCommand("starting price and duration must be positive")
    if not cmd.currency:
        raise InvalidCommand("currency is required")
    return [
        AuctionOpened(
            auction_id=cmd.auction_id,
            command_id=cmd.command_id,
            listing_id=cmd.listing_id,
            show_id=cmd.show_id,
            seller_id=cmd.seller_id,
            format=cmd.format,
            starting_price_cents=cmd.starting_price_cents,
            currency=cmd.currency,
            opened_at_ms=cmd.at_ms,
            deadline_ms=cmd.at_ms + cmd.duration_ms,
            counter_time_ms=cmd.counter_time_ms,
            increment_table=cmd.increment_table,
            reserve_price_cents=cmd.reserve_price_cents,
            buy_now_price_cents=cmd.buy_now_price_cents,
            require_verified_buyers=cmd.require_verified_buyers,
        )
    ]


def _reject(state: Auction | None, cmd: PlaceBid, reason: RejectionReason) -> list[Event]:
    return [
        BidRejected(
            auction_id=cmd.auction_id,
            command_id=cmd.command_id,
            bidder_id=cmd.bidder_id,
            amount_cents=cmd.amount_cents,
            at_ms=cmd.at_ms,
            reason=reason,
            min_next_bid_cents=state.min_next_bid() if state else 0,
        )
    ]


def _rejection_reason(state: Auction | None, cmd: PlaceBid) -> RejectionReason | None:
    if state is None:
        return RejectionReason.AUCTION_NOT_FOUND
    if cmd.amount_cents < 0 or cmd.max_amount_cents < 0 or cmd.max_amount_cents == 0 == cmd.amount_cents:
        return RejectionReason.INVALID
    if not state.is_open or cmd.at_ms > state.deadline_ms:
        return RejectionReason.AUCTION_CLOSED
    if cmd.bidder_id == state.seller_id:
        return RejectionReason.SELLER_CANNOT_BID
    if state.require_verified_buyers and not cmd.bidder_verified:
        return RejectionReason.NOT_ELIGIBLE
    maximum = max(cmd.amount_cents, cmd.max_amount_cents)
    if cmd.bidder_id == state.leader_id:
        # A leader may only raise their own maximum.
        return None if maximum > state.leader_max_cents else RejectionReason.BELOW_MINIMUM
    minimum = state.min_next_bid()
    if maximum < minimum or 0 < cmd.amount_cents < minimum:
        return RejectionReason.BELOW_MINIMUM
    return None


def _place_bid(state: Auction | None, cmd: PlaceBid) -> list[Event]:
    reason = _rejection_reason(state, cmd)
    if reason is not None:
        return _reject(state, cmd, reason)
    assert state is not None
    leader, leader_max, runner_up, price = _proxy_outcome(state, cmd)
    deadline = state.deadline_ms
    if state.format is Format.STANDARD and deadline - cmd.at_ms < state.counter_time_ms:
        deadline = cmd.at_ms + state.counter_time_ms  # soft close: reset to the counter time
    return [
        BidAccepted(
            auction_id=cmd.auction_id,
            command_id=cmd.command_id,
            bidder_id=cmd.bidder_id,
            amount_cents=cmd.amount_cents,
            max_amount_cents=max(cmd.amount_cents, cmd.max_amount_cents),
            at_ms=cmd.at_ms,
            price_cents=price,
            leader_id=leader,
            leader_max_cents=leader_max,
            runner_up_max_cents=runner_up,
            deadline_ms=deadline,
            previous_leader_id=state.leader_id,
            bid_count=state.bid_count + 1,
        )
    ]


def _proxy_outcome(state: Auction, cmd: PlaceBid) -> tuple[str, int, int, int]:
    """(leader, leader's maximum, runner-up's maximum, displayed price) after a valid bid."""
    maximum = max(cmd.amount_cents, cmd.max_amount_cents)
    if not state.leader_id:
        leader, leader_max, runner_up = cmd.bidder_id, maximum, 0
    elif cmd.bidder_id == state.leader_id:
        leader, leader_max, runner_up = state.leader_id, maximum, state.runner_up_max_cents
    elif maximum > state.leader_max_cents:
        leader, leader_max, runner_up = cmd.bidder_id, maximum, state.leader_max_cents
    else:  # equal maximums go to the earlier bid, so the leader keeps the lead
        leader, leader_max = state.leader_id, state.leader_max_cents
        runner_up = max(state.runner_up_max_cents, maximum)
    price = max(state.price_cents, state.starting_price_cents)
    if runner_up:
        step = table(state.increment_table).increment_at(runner_up)
        price = max(price, min(leader_max, runner_up + step))
    if leader == cmd.bidder_id:
        price = max(price, cmd.amount_cents)  # a custom amount shows as typed
    if state.reserve_price_cents and leader_max >= state.reserve_price_cents:
        price = max(price, state.reserve_price_cents)  # a met reserve shows at once
    return leader, leader_max, runner_up, min(price, leader_max)


def _close(state: Auction | None, cmd: CloseAuction) -> list[Event]:
    # A close that arrives before the (possibly extended) deadline is stale: the scheduler
    # will append another one for the new deadline.
    if state is None or not state.is_open or cmd.at_ms < state.deadline_ms:
        return []
    reserve_met = state.leader_max_cents >= state.reserve_price_cents
    sold = bool(state.leader_id) and reserve_met
    return [
        AuctionClosed(
            auction_id=state.auction_id,
            command_id=cmd.command_id,
            at_ms=cmd.at_ms,
            winner_id=state.leader_id if sold else "",
            price_cents=state.price_cents if sold else 0,
            reserve_met=reserve_met,
            deadline_ms=state.deadline_ms,
        )
    ]


def _void(state: Auction | None, cmd: VoidAuction) -> list[Event]:
    if state is None or not state.is_open:
        return []
    return [AuctionVoided(cmd.auction_id, cmd.command_id, cmd.at_ms, cmd.admin_id, cmd.reason)]


def evolve(state: Auction | None, event: Event) -> Auction | None:
    """The state after `event`."""
    return _apply(event, state)


@singledispatch
def _apply(event: Event, state: Auction | None) -> Auction | None:
    raise TypeError(f"unknown event {type(event).__name__}")


@_apply.register
def _(event: AuctionOpened, state: Auction | None) -> Auction | None:
    return Auction(
        auction_id=event.auction_id,
        listing_id=event.listing_id,
        show_id=event.show_id,
        seller_id=event.seller_id,
        format=event.format,
        starting_price_cents=event.starting_price_cents,
        currency=event.currency,
        increment_table=event.increment_table,
        deadline_ms=event.deadline_ms,
        counter_time_ms=event.counter_time_ms,
        reserve_price_cents=event.reserve_price_cents,
        buy_now_price_cents=event.buy_now_price_cents,
        require_verified_buyers=event.require_verified_buyers,
    )


@_apply.register
def _(event: BidAccepted, state: Auction | None) -> Auction | None:
    assert state is not None
    return replace(
        state,
        price_cents=event.price_cents,
        leader_id=event.leader_id,
        leader_max_cents=event.leader_max_cents,
        runner_up_max_cents=event.runner_up_max_cents,
        deadline_ms=event.deadline_ms,
        bid_count=event.bid_count,
    )


@_apply.register
def _(event: BidRejected, state: Auction | None) -> Auction | None:
    return state


@_apply.register
def _(event: AuctionClosed, state: Auction | None) -> Auction | None:
    assert state is not None
    return replace(state, status="closed", winner_id=event.winner_id)


@_apply.register
def _(event: AuctionVoided, state: Auction | None) -> Auction | None:
    assert state is not None
    return replace(state, status="voided")


def fold(events: list[Event], state: Auction | None = None) -> Auction | None:
    """Replay events onto a state."""
    for event in events:
        state = evolve(state, event)
    return state
