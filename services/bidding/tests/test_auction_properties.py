"""Properties of the auction over random command sequences (Hypothesis stateful testing).

Commands arrive in log order, so `at_ms` never decreases. Every command goes through the
runtime's `decide_command`, as in the processor, and some are re-sent with their command id.
Auctions are drawn with and without a scheduled opening (pre-bids), a buy-it-now price and
a bid rate limit.
"""

from __future__ import annotations

from dataclasses import replace

from auction_builders import AUCTION_ID, SELLER_ID, bid, only, open_auction
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.control import event as note
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from livebid_bidding.domain.auction import Auction
from livebid_bidding.domain.commands import BuyNow, CloseAuction, Command, Format, PlaceBid
from livebid_bidding.domain.events import AuctionClosed, BidAccepted, Event
from livebid_bidding.write_side import AUCTIONS
from livebid_platform.writeside.partition import PartitionState, decide_command

BIDDERS = st.sampled_from(["alice", "bob", "carol", SELLER_ID])
# Coarse amounts so that equal maximums and exact minimums happen often.
AMOUNTS = st.integers(0, 80).map(lambda n: n * 50)
STEPS_MS = st.integers(0, 12_000)


class AuctionMachine(RuleBasedStateMachine):
    sent = Bundle("sent")

    @initialize(
        format=st.sampled_from(Format),
        start=st.integers(1, 20).map(lambda n: n * 100),
        reserve=st.sampled_from([0, 0, 1500, 3000]),
        increments=st.sampled_from(["whatnot-v1", "ebay-us-v1"]),
        opens_at=st.sampled_from([0, 15_000]),
        buy_now=st.sampled_from([0, 0, 2500, 4000]),
        rate_limit=st.sampled_from([0, 3]),
    )
    def open(
        self,
        format: Format,
        start: int,
        reserve: int,
        increments: str,
        opens_at: int,
        buy_now: int,
        rate_limit: int,
    ) -> None:
        self.state: Auction | None = None
        self.part = PartitionState()
        self.now = 0
        self.buys = 0
        self.accepted: list[BidAccepted] = []
        self.closes: list[AuctionClosed] = []
        self.apply(
            open_auction(
                format=format,
                starting_price_cents=start,
                reserve_price_cents=reserve,
                increment_table=increments,
                opens_at_ms=opens_at,
                buy_now_price_cents=buy_now,
                bid_rate_limit=rate_limit,
                bid_rate_window_ms=5_000 if rate_limit else 0,
            )
        )

    def apply(self, command: Command) -> list[Event]:
        applied = decide_command(self.part, AUCTIONS, command, command.command_id)
        self.state = self.part.state(AUCTIONS, AUCTION_ID)
        return [event for event, _ in applied]

    @property
    def auction(self) -> Auction:
        assert self.state is not None
        return self.state

    @rule(target=sent, bidder=BIDDERS, amount=AMOUNTS, maximum=AMOUNTS, step=STEPS_MS)
    def place_bid(self, bidder: str, amount: int, maximum: int, step: int) -> PlaceBid:
        self.now += step
        before = self.auction
        command = bid(bidder, amount, maximum, at=self.now)
        outcome = only(self.apply(command))
        if isinstance(outcome, BidAccepted):
            # No bid counts after the end, and the displayed price never falls.
            assert before.is_open and command.at_ms <= before.deadline_ms
            assert outcome.price_cents >= before.price_cents
            # Before the opening only maximums count (pre-bids).
            assert before.has_started(command.at_ms) or command.max_amount_cents > 0
            self.accepted.append(outcome)
            self.check_rate(before, outcome)
        return command

    def check_rate(self, before: Auction, accepted: BidAccepted) -> None:
        if before.bid_rate_limit:
            since = accepted.at_ms - before.bid_rate_window_ms
            mine = [e for e in self.accepted if e.bidder_id == accepted.bidder_id]
            assert sum(e.at_ms > since for e in mine) <= before.bid_rate_limit

    @rule(buyer=BIDDERS, step=STEPS_MS)
    def buy_now(self, buyer: str, step: int) -> None:
        self.now += step
        before = self.auction
        self.buys += 1
        outcome = only(self.apply(BuyNow(f"buy-{self.buys}", AUCTION_ID, buyer, self.now)))
        if isinstance(outcome, AuctionClosed):
            assert before.is_open and before.has_started(self.now)
            assert self.now <= before.deadline_ms and buyer != SELLER_ID
            assert before.price_cents < before.buy_now_price_cents
            assert (outcome.winner_id, outcome.price_cents) == (buyer, before.buy_now_price_cents)
            self.closes.append(outcome)
            note("bought now")

    @rule(command=sent, step=STEPS_MS)
    def resend(self, command: PlaceBid, step: int) -> None:
        self.now += step
        before = self.auction
        assert self.apply(replace(command, at_ms=self.now)) == []
        assert self.auction == before

    @rule(step=STEPS_MS)
    def close(self, step: int) -> None:
        self.now += step
        before = self.auction
        events = self.apply(CloseAuction(f"close-{self.now}", AUCTION_ID, self.now))
        if not (before.is_open and self.now >= before.deadline_ms):
            assert events == []
            return
        closed = only(events)
        self.closes.append(closed)
        self.check_outcome(before, closed)

    def check_outcome(self, before: Auction, closed: AuctionClosed) -> None:
        """The winner is the highest maximum, the earliest on a tie, if it meets the reserve."""
        note("closed " + ("sold" if closed.winner_id else "unsold"))
        if not self.accepted:
            assert (closed.winner_id, closed.price_cents) == ("", 0)
            return
        # sorted() is stable, so among equal maximums the earliest accepted bid comes first.
        best = sorted(self.accepted, key=lambda e: -e.max_amount_cents)[0]
        if best.max_amount_cents < before.reserve_price_cents:
            assert (closed.winner_id, closed.reserve_met) == ("", False)
            return
        assert closed.winner_id == best.bidder_id
        assert closed.price_cents == before.price_cents
        assert before.starting_price_cents <= closed.price_cents <= best.max_amount_cents
        assert closed.price_cents >= before.reserve_price_cents

    @invariant()
    def leader_maximum_covers_the_price(self) -> None:
        if self.state is not None and self.state.leader_id:
            assert self.state.leader_max_cents >= self.state.price_cents
            assert self.state.runner_up_max_cents <= self.state.leader_max_cents

    @invariant()
    def at_most_one_close(self) -> None:
        assert len(self.closes) <= 1


AuctionMachine.TestCase.settings = settings(max_examples=200, stateful_step_count=30, deadline=None)
TestAuctionProperties = AuctionMachine.TestCase
