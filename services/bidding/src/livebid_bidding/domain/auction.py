"""One live auction: `decide(state, command) -> events` and `evolve(state, event) -> state`.

Proxy bidding follows eBay's rules (shared/data/ebay-auctions/README.md): each bidder has a
maximum, the platform bids for the leader just enough to lead, the displayed price is the
lower of the leader's maximum and the runner-up's maximum plus one increment, and equal
maximums go to the earlier bid. Nothing here reads a clock: every command carries its log
time in `at_ms`.

An auction may be scheduled to open later (`opens_at_ms`): until then it takes pre-bids,
which are max bids under the same proxy rules, and its timer starts when it opens. A
buy-it-now ends it at once with an `AuctionClosed` marked `buy_now`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import singledispatch

from livebid_bidding.domain.commands import (
    BuyNow,
    CloseAuction,
    Command,
    Format,
    OpenAuction,
    PlaceBid,
    VoidAuction,
)
from livebid_bidding.domain.eligibility import (
    RecentBids,
    bids_in_window,
    note_bid,
    over_spending_limit,
)
from livebid_bidding.domain.errors import InvalidCommand as InvalidCommand
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
    # Bidding goes live at this log time; before it, only pre-bids (max bids) are taken.
    opens_at_ms: int = 0
    bid_rate_limit: int = 0
    bid_rate_window_ms: int = 0
    recent_bids: RecentBids = ()
    # What the winner pays (the final price, or the buy-it-now price); 0 until sold.
    sold_price_cents: int = 0

    @property
    def is_open(self) -> bool:
        """Not closed or voided (a scheduled auction that has not started is open)."""
        return self.status == "open"

    def has_started(self, at_ms: int) -> bool:
        """Whether bidding is live at log time `at_ms` (before that: pre-bids only)."""
        return at_ms >= self.opens_at_ms

    def min_next_bid(self) -> int:
        """The lowest bid another bidder may place now."""
        if not self.leader_id:
            return self.starting_price_cents
        return self.price_cents + table(self.increment_table).increment_at(self.price_cents)


def decide(state: Auction | None, command: Command) -> list[Event]:
    """The events that `command` causes given `state` (None: the auction does not exist)."""
    if isinstance(command, OpenAuction):
        return _open(state, command)
    if isinstance(command, PlaceBid):
        return _place_bid(state, command)
    if isinstance(command, CloseAuction):
        return _close(state, command)
    if isinstance(command, BuyNow):
        return _buy_now(state, command)
    return _void(state, command)


def _check_open(cmd: OpenAuction) -> None:
    table(cmd.increment_table)  # raises for an unknown table
    if cmd.starting_price_cents <= 0 or cmd.duration_ms <= 0 or cmd.counter_time_ms < 0:
        raise InvalidCommand("starting price and duration must be positive")
    if not cmd.currency:
        raise InvalidCommand("currency is required")
    if 0 < cmd.buy_now_price_cents < cmd.starting_price_cents or cmd.buy_now_price_cents < 0:
        raise InvalidCommand("a buy-it-now price must be at least the starting price")
    if cmd.opens_at_ms < 0 or cmd.bid_rate_limit < 0 or cmd.reserve_price_cents < 0:
        raise InvalidCommand("opening time, rate limit and reserve cannot be negative")
    if cmd.bid_rate_limit and cmd.bid_rate_window_ms <= 0:
        raise InvalidCommand("a bid rate limit needs a positive window")


def _open(state: Auction | None, cmd: OpenAuction) -> list[Event]:
    if state is not None:
        return []  # already open: opening twice has no second effect
    _check_open(cmd)
    starts_at = max(cmd.at_ms, cmd.opens_at_ms)  # a past opening time means at once
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
            deadline_ms=starts_at + cmd.duration_ms,
            counter_time_ms=cmd.counter_time_ms,
            increment_table=cmd.increment_table,
            reserve_price_cents=cmd.reserve_price_cents,
            buy_now_price_cents=cmd.buy_now_price_cents,
            require_verified_buyers=cmd.require_verified_buyers,
            opens_at_ms=starts_at,
            bid_rate_limit=cmd.bid_rate_limit,
            bid_rate_window_ms=cmd.bid_rate_window_ms,
        )
    ]


def _reject(state: Auction | None, cmd: PlaceBid | BuyNow, reason: RejectionReason) -> list[Event]:
    if isinstance(cmd, BuyNow):
        bidder, amount = cmd.buyer_id, state.buy_now_price_cents if state else 0
    else:
        bidder, amount = cmd.bidder_id, cmd.amount_cents
    return [
        BidRejected(
            auction_id=cmd.auction_id,
            command_id=cmd.command_id,
            bidder_id=bidder,
            amount_cents=amount,
            at_ms=cmd.at_ms,
            reason=reason,
            min_next_bid_cents=state.min_next_bid() if state else 0,
        )
    ]


def _not_allowed(state: Auction, cmd: PlaceBid | BuyNow) -> RejectionReason | None:
    """The checks a bid and a buy-it-now share, after the existence and input checks."""
    buyer_id = cmd.buyer_id if isinstance(cmd, BuyNow) else cmd.bidder_id
    if not state.is_open or cmd.at_ms > state.deadline_ms:
        return RejectionReason.AUCTION_CLOSED
    # Before a scheduled auction opens it takes only maximums (pre-bids): a plain bid or a
    # buy-it-now is an on-air action at a price, and the item has not been shown yet.
    pre_bid = isinstance(cmd, PlaceBid) and cmd.max_amount_cents > 0
    if not state.has_started(cmd.at_ms) and not pre_bid:
        return RejectionReason.AUCTION_NOT_OPEN
    if buyer_id == state.seller_id:
        return RejectionReason.SELLER_CANNOT_BID
    if state.require_verified_buyers and not cmd.bidder_verified:
        return RejectionReason.NOT_ELIGIBLE
    return None


# A bid counts toward its bidder's rate limit once it got past the rate check: it was
# accepted, or refused for one of these reasons. A RATE_LIMITED refusal does not count, so
# a buyer who waits out the window is let back in. (A buy-it-now refused OVER_LIMIT counts
# too: the event does not tell them apart, and it is an attempt to commit money all the same.)
_COUNTED_REFUSALS = frozenset({RejectionReason.OVER_LIMIT, RejectionReason.BELOW_MINIMUM})


def _rejection_reason(state: Auction | None, cmd: PlaceBid) -> RejectionReason | None:
    if state is None:
        return RejectionReason.AUCTION_NOT_FOUND
    if (
        min(cmd.amount_cents, cmd.max_amount_cents) < 0
        or cmd.max_amount_cents == 0 == cmd.amount_cents
        or min(cmd.spending_limit_cents, cmd.open_commitments_cents) < 0
    ):
        return RejectionReason.INVALID
    reason = _not_allowed(state, cmd)
    if reason is not None:
        return reason
    window = state.bid_rate_window_ms
    recent = bids_in_window(state.recent_bids, cmd.bidder_id, cmd.at_ms, window)
    if state.bid_rate_limit and recent >= state.bid_rate_limit:
        return RejectionReason.RATE_LIMITED
    maximum = max(cmd.amount_cents, cmd.max_amount_cents)
    if over_spending_limit(cmd.spending_limit_cents, cmd.open_commitments_cents, maximum):
        return RejectionReason.OVER_LIMIT
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
    late = deadline - cmd.at_ms < state.counter_time_ms and state.has_started(cmd.at_ms)
    if state.format is Format.STANDARD and late:
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


def _buy_now(state: Auction | None, cmd: BuyNow) -> list[Event]:
    if state is None:
        return _reject(state, cmd, RejectionReason.AUCTION_NOT_FOUND)
    if min(cmd.spending_limit_cents, cmd.open_commitments_cents) < 0:
        return _reject(state, cmd, RejectionReason.INVALID)
    reason = _not_allowed(state, cmd)
    # Available until bidding reaches the buy-it-now price (the usual marketplace rule); a
    # buy-it-now price of 0 means the listing has none.
    if reason is None and state.price_cents >= state.buy_now_price_cents:
        reason = RejectionReason.BUY_NOW_UNAVAILABLE
    if reason is None and over_spending_limit(
        cmd.spending_limit_cents, cmd.open_commitments_cents, state.buy_now_price_cents
    ):
        reason = RejectionReason.OVER_LIMIT
    if reason is not None:
        return _reject(state, cmd, reason)
    return [
        AuctionClosed(
            auction_id=state.auction_id,
            command_id=cmd.command_id,
            at_ms=cmd.at_ms,
            winner_id=cmd.buyer_id,
            price_cents=state.buy_now_price_cents,
            reserve_met=True,  # the seller set this price themselves
            deadline_ms=state.deadline_ms,
            buy_now=True,
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
        opens_at_ms=event.opens_at_ms,
        bid_rate_limit=event.bid_rate_limit,
        bid_rate_window_ms=event.bid_rate_window_ms,
    )


def _count_toward_rate(state: Auction, bidder_id: str, at_ms: int) -> Auction:
    if not state.bid_rate_limit:
        return state  # keep no history when there is no limit
    recent = note_bid(state.recent_bids, bidder_id, at_ms, state.bid_rate_window_ms)
    return replace(state, recent_bids=recent)


@_apply.register
def _(event: BidAccepted, state: Auction | None) -> Auction | None:
    assert state is not None
    return replace(
        _count_toward_rate(state, event.bidder_id, event.at_ms),
        price_cents=event.price_cents,
        leader_id=event.leader_id,
        leader_max_cents=event.leader_max_cents,
        runner_up_max_cents=event.runner_up_max_cents,
        deadline_ms=event.deadline_ms,
        bid_count=event.bid_count,
    )


@_apply.register
def _(event: BidRejected, state: Auction | None) -> Auction | None:
    if state is None or event.reason not in _COUNTED_REFUSALS:
        return state
    return _count_toward_rate(state, event.bidder_id, event.at_ms)


@_apply.register
def _(event: AuctionClosed, state: Auction | None) -> Auction | None:
    assert state is not None
    return replace(
        state, status="closed", winner_id=event.winner_id, sold_price_cents=event.price_cents
    )


@_apply.register
def _(event: AuctionVoided, state: Auction | None) -> Auction | None:
    assert state is not None
    return replace(state, status="voided")


def fold(events: list[Event], state: Auction | None = None) -> Auction | None:
    """Replay events onto a state."""
    for event in events:
        state = evolve(state, event)
    return state
