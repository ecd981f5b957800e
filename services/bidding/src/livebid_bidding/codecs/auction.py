"""Auctions on the wire: commands and private events to and from protobuf, and the public
translation that never carries a maximum bid or a reserve. Ends with the auction DECIDER."""

from __future__ import annotations

from typing import Any

from google.protobuf.message import Message
from livebid.bidding.internal.v1 import events_pb2 as internal
from livebid.bidding.v1 import commands_pb2 as cmd_pb
from livebid.bidding.v1 import public_events_pb2 as pub
from livebid.common.v1.money_pb2 import Money

from livebid_bidding.domain import auction
from livebid_bidding.domain import commands as c
from livebid_bidding.domain import events as e
from livebid_bidding.domain.auction import Auction
from livebid_platform.writeside import Codec, Decider

_FORMATS = {
    c.Format.STANDARD: pub.FORMAT_STANDARD,
    c.Format.SUDDEN_DEATH: pub.FORMAT_SUDDEN_DEATH,
}
_FORMATS_BACK = {v: k for k, v in _FORMATS.items()}
# Domain rejection reasons to and from their protobuf codes (same names, proto prefix).
REASONS = {r: pub.RejectionReason.Value(f"REJECTION_REASON_{r.name}") for r in e.RejectionReason}
REASONS_BACK = {v: k for k, v in REASONS.items()}


def format_from_proto(value: int) -> c.Format:
    try:
        return _FORMATS_BACK[value]
    except KeyError:
        raise ValueError(f"unknown auction format {value}") from None


def command_from_proto(msg: Message, at_ms: int) -> object:
    """A command record's payload and its log time as a domain command."""
    if isinstance(msg, cmd_pb.PlaceBid):
        return c.PlaceBid(
            command_id=msg.command_id,
            auction_id=msg.auction_id,
            bidder_id=msg.bidder_id,
            amount_cents=msg.amount_cents,
            max_amount_cents=msg.max_amount_cents,
            bidder_verified=msg.bidder_verified,
            spending_limit_cents=msg.spending_limit_cents,
            open_commitments_cents=msg.open_commitments_cents,
            at_ms=at_ms,
        )
    if isinstance(msg, cmd_pb.BuyNow):
        return c.BuyNow(
            command_id=msg.command_id,
            auction_id=msg.auction_id,
            buyer_id=msg.buyer_id,
            bidder_verified=msg.bidder_verified,
            spending_limit_cents=msg.spending_limit_cents,
            open_commitments_cents=msg.open_commitments_cents,
            at_ms=at_ms,
        )
    if isinstance(msg, cmd_pb.CloseAuction):
        return c.CloseAuction(msg.command_id, msg.auction_id, at_ms)
    if isinstance(msg, cmd_pb.OpenAuction):
        return c.OpenAuction(
            command_id=msg.command_id,
            auction_id=msg.auction_id,
            listing_id=msg.listing_id,
            show_id=msg.show_id,
            seller_id=msg.seller_id,
            format=format_from_proto(msg.format),
            starting_price_cents=msg.starting_price.amount_cents,
            currency=msg.starting_price.currency,
            duration_ms=msg.duration_ms,
            counter_time_ms=msg.counter_time_ms,
            increment_table=msg.increment_table,
            reserve_price_cents=msg.reserve_price_cents,
            buy_now_price_cents=msg.buy_now_price_cents,
            require_verified_buyers=msg.require_verified_buyers,
            opens_at_ms=msg.opens_at_ms,
            bid_rate_limit=msg.bid_rate_limit,
            bid_rate_window_ms=msg.bid_rate_window_ms,
            at_ms=at_ms,
        )
    if isinstance(msg, cmd_pb.VoidAuction):
        return c.VoidAuction(msg.command_id, msg.auction_id, msg.admin_id, msg.reason, at_ms)
    raise ValueError(f"not an auction command: {msg.DESCRIPTOR.full_name}")


def event_to_proto(event: object) -> Message:
    """A domain event as its private protobuf message (field names match one to one)."""
    if isinstance(event, e.AuctionOpened):
        fields = vars(event) | {"format": _FORMATS[event.format]}
        return internal.AuctionOpened(**fields)
    if isinstance(event, e.BidAccepted):
        return internal.BidAccepted(**vars(event))
    if isinstance(event, e.BidRejected):
        return internal.BidRejected(**(vars(event) | {"reason": REASONS[event.reason]}))
    if isinstance(event, e.AuctionClosed):
        return internal.AuctionClosed(**vars(event))
    return internal.AuctionVoided(**vars(event))


def event_from_proto(msg: Message) -> Any:
    """The inverse of event_to_proto, used to rebuild state from the private log."""
    if isinstance(msg, internal.BidAccepted):
        return e.BidAccepted(**_fields(msg))
    if isinstance(msg, internal.AuctionOpened):
        return e.AuctionOpened(**(_fields(msg) | {"format": format_from_proto(msg.format)}))
    if isinstance(msg, internal.BidRejected):
        return e.BidRejected(**(_fields(msg) | {"reason": REASONS_BACK[msg.reason]}))
    if isinstance(msg, internal.AuctionClosed):
        return e.AuctionClosed(**_fields(msg))
    if isinstance(msg, internal.AuctionVoided):
        return e.AuctionVoided(**_fields(msg))
    raise ValueError(f"not a bidding event: {msg.DESCRIPTOR.full_name}")


def _fields(msg: Message) -> dict[str, Any]:
    return {f.name: getattr(msg, f.name) for f in msg.DESCRIPTOR.fields}


def money(cents: int, currency: str) -> Money:
    return Money(amount_cents=cents, currency=currency)


def public_events(event: object, state: Any) -> list[Message]:
    """What the rest of the platform may see of a private event: never a maximum or reserve.

    `state` is the aggregate after the event.
    """
    if isinstance(event, e.AuctionOpened):
        return [
            pub.AuctionStarted(
                auction_id=event.auction_id,
                listing_id=event.listing_id,
                show_id=event.show_id,
                seller_id=event.seller_id,
                format=_FORMATS[event.format],
                starting_price=money(event.starting_price_cents, event.currency),
                opened_at_ms=event.opened_at_ms,
                deadline_ms=event.deadline_ms,
                counter_time_ms=event.counter_time_ms,
                increment_table=event.increment_table,
                has_reserve=event.reserve_price_cents > 0,
                buy_now_price_cents=event.buy_now_price_cents,
                opens_at_ms=event.opens_at_ms,
            )
        ]
    if isinstance(event, e.BidAccepted):
        return _bid_accepted_public(event, state)
    if isinstance(event, e.AuctionClosed | e.AuctionVoided):
        voided = isinstance(event, e.AuctionVoided)
        winner = "" if voided else event.winner_id  # type: ignore[union-attr]
        price = 0 if voided else event.price_cents  # type: ignore[union-attr]
        return [
            pub.AuctionEnded(
                auction_id=state.auction_id,
                listing_id=state.listing_id,
                show_id=state.show_id,
                seller_id=state.seller_id,
                sold=bool(winner),
                winner_id=winner,
                price=money(price, state.currency),
                closed_at_ms=event.at_ms,
                deadline_ms=state.deadline_ms,
                voided=voided,
                buy_now=not voided and event.buy_now,  # type: ignore[union-attr]
            )
        ]
    return []  # rejections are answered to the bidder only


def _bid_accepted_public(event: e.BidAccepted, state: Auction) -> list[Message]:
    out: list[Message] = [
        pub.HighBidChanged(
            auction_id=event.auction_id,
            show_id=state.show_id,
            price=money(event.price_cents, state.currency),
            leader_id=event.leader_id,
            deadline_ms=event.deadline_ms,
            bid_count=event.bid_count,
            at_ms=event.at_ms,
            min_next_bid_cents=state.min_next_bid(),
        )
    ]
    # Whoever does not lead after this bid but bid or led before it has been outbid: the
    # previous leader when the lead changed hands, or the bidder a proxy bid beat at once.
    outbid = {event.previous_leader_id, event.bidder_id} - {event.leader_id, ""}
    for bidder in sorted(outbid):
        out.append(
            pub.BidderOutbid(
                auction_id=event.auction_id,
                show_id=state.show_id,
                bidder_id=bidder,
                price=money(event.price_cents, state.currency),
                at_ms=event.at_ms,
            )
        )
    return out


CODEC = Codec(
    commands={
        cls: command_from_proto
        for cls in (
            cmd_pb.OpenAuction,
            cmd_pb.PlaceBid,
            cmd_pb.BuyNow,
            cmd_pb.CloseAuction,
            cmd_pb.VoidAuction,
        )
    },
    events={
        cls: event_from_proto
        for cls in (
            internal.AuctionOpened,
            internal.BidAccepted,
            internal.BidRejected,
            internal.AuctionClosed,
            internal.AuctionVoided,
        )
    },
    event_to_proto=event_to_proto,
)


def deadline(state: Auction) -> int | None:
    return int(state.deadline_ms) if state.is_open else None


DECIDER = Decider(
    name="auction",
    decide=auction.decide,
    evolve=auction.evolve,
    aggregate_id=lambda message: str(message.auction_id),
    codec=CODEC,
    public=public_events,
    deadline=deadline,
    on_deadline=lambda auction_id, command_id: cmd_pb.CloseAuction(
        command_id=command_id, auction_id=auction_id
    ),
)
