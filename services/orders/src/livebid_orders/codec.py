"""Translation between the orders domain and the protobuf contracts, and the bundle DECIDER."""

from __future__ import annotations

from typing import Any

from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb
from livebid.bidding.v1 import public_events_pb2 as bidding_pub
from livebid.common.v1.money_pb2 import Money
from livebid.orders.internal.v1 import bundle_pb2
from livebid.orders.internal.v1 import commands_pb2 as internal
from livebid.orders.v1 import events_pb2 as pb

from livebid_orders import bundle as b
from livebid_orders import messages as m
from livebid_orders.domain import (
    AuctionEnded,
    FlashSalePurchased,
    FlashSaleTerms,
    GiveawayDrawn,
    OrderPlaced,
    PlaceOrder,
)
from livebid_orders.ledger import LedgerEntry
from livebid_platform.writeside import Codec, Decider
from livebid_platform.writeside.mirrored import from_proto, to_proto


def auction_ended(msg: bidding_pub.AuctionEnded) -> AuctionEnded:
    return AuctionEnded(
        auction_id=msg.auction_id,
        listing_id=msg.listing_id,
        show_id=msg.show_id,
        seller_id=msg.seller_id,
        sold=msg.sold,
        winner_id=msg.winner_id,
        price_cents=msg.price.amount_cents,
        currency=msg.price.currency,
        closed_at_ms=msg.closed_at_ms,
        voided=msg.voided,
    )


def flash_sale_purchased(msg: flash_pb.FlashSalePurchased) -> FlashSalePurchased:
    terms = FlashSaleTerms(msg.sale_id, msg.listing_id, msg.show_id, msg.seller_id, msg.currency)
    return FlashSalePurchased(
        terms, msg.buyer_id, msg.quantity, msg.unit_price_cents, msg.at_ms, msg.remaining
    )


def giveaway_drawn(msg: giveaway_pb.GiveawayDrawn) -> GiveawayDrawn:
    return GiveawayDrawn(
        msg.giveaway_id, msg.listing_id, msg.show_id, msg.seller_id, msg.winner_id, msg.at_ms
    )


# An order's facts travel in three messages (the command, the event, the API's view) with the
# same fields, money as Money: one mapping each way.
_FACTS = ("order_id", "auction_id", "listing_id", "show_id", "seller_id", "buyer_id")
_EXTRA = ("bundle_id", "shipping_profile")


def _message_fields(facts: PlaceOrder | OrderPlaced) -> dict[str, Any]:
    return {
        **{name: getattr(facts, name) for name in (*_FACTS, *_EXTRA)},
        "price": Money(amount_cents=facts.price_cents, currency=facts.currency),
        "placed_at_ms": facts.placed_at_ms,
    }


def _domain_fields(msg: internal.PlaceOrder | pb.OrderPlaced) -> dict[str, Any]:
    return {
        **{name: getattr(msg, name) for name in (*_FACTS, *_EXTRA)},
        "price_cents": msg.price.amount_cents,
        "currency": msg.price.currency,
        "placed_at_ms": msg.placed_at_ms,
    }


def place_order_to_proto(command: PlaceOrder) -> internal.PlaceOrder:
    return internal.PlaceOrder(**_message_fields(command))


def place_order(msg: internal.PlaceOrder, at_ms: int) -> PlaceOrder:
    # The order's time is the sale's log time it carries, not when the command was appended.
    return PlaceOrder(**_domain_fields(msg))


def order_placed_to_proto(event: OrderPlaced) -> pb.OrderPlaced:
    return pb.OrderPlaced(**_message_fields(event))


def order_placed(msg: pb.OrderPlaced) -> OrderPlaced:
    return OrderPlaced(**_domain_fields(msg))


# The ledger's repeated entries are nested messages, which the mirrored codec leaves alone.


def ledger_posted_to_proto(e: m.LedgerPosted) -> pb.LedgerPosted:
    entries = [pb.LedgerEntry(account=x.account, amount_cents=x.amount_cents) for x in e.entries]
    return pb.LedgerPosted(
        bundle_id=e.bundle_id,
        show_id=e.show_id,
        posting_id=e.posting_id,
        kind=e.kind,
        currency=e.currency,
        entries=entries,
    )


def ledger_posted(msg: pb.LedgerPosted) -> m.LedgerPosted:
    entries = tuple(LedgerEntry(x.account, x.amount_cents) for x in msg.entries)
    return m.LedgerPosted(
        msg.bundle_id, msg.show_id, msg.posting_id, msg.kind, msg.currency, entries
    )


def event_to_proto(event: Any) -> Any:
    """Any bundle event as its message: private ones in the internal package."""
    if isinstance(event, OrderPlaced):
        return order_placed_to_proto(event)
    if isinstance(event, m.LedgerPosted):
        return ledger_posted_to_proto(event)
    private = isinstance(event, m.PRIVATE_EVENTS)
    return to_proto(event, bundle_pb2 if private else pb)


def _decoder(cls: type, module: Any) -> tuple[Any, Any]:
    return getattr(module, cls.__name__), lambda msg: from_proto(cls, msg)


def _command_decoder(cls: type) -> tuple[Any, Any]:
    return getattr(bundle_pb2, cls.__name__), lambda msg, at_ms: from_proto(cls, msg, at_ms)


def public_events(event: Any, bundle: b.Bundle | None) -> list[Any]:
    """What other teams see of a bundle event: no card or provider reference, ever."""
    if isinstance(event, m.ChargeRequested):
        return [
            pb.PaymentRequested(
                bundle_id=event.bundle_id,
                charge_id=event.charge_id,
                order_id=event.order_id,
                buyer_id=event.buyer_id,
                amount_cents=event.amount_cents,
                currency=event.currency,
                attempt=event.attempt,
            )
        ]
    if isinstance(event, m.PaymentFailed) and bundle is not None and event.order_id:
        line = bundle.line(event.order_id)
        if line is not None and not line.live:
            return []  # the order was cancelled while its charge was pending
    if isinstance(event, m.PRIVATE_EVENTS):
        return []
    return [event_to_proto(event)]


DECIDER = Decider(
    name="bundle",
    decide=b.decide,
    evolve=b.evolve,
    aggregate_id=lambda message: str(message.bundle_id),
    codec=Codec(
        commands={internal.PlaceOrder: place_order, **dict(map(_command_decoder, m.COMMANDS))},
        events={
            pb.OrderPlaced: order_placed,
            pb.LedgerPosted: ledger_posted,
            **dict(_decoder(c, bundle_pb2) for c in m.PRIVATE_EVENTS),
            **dict(_decoder(c, pb) for c in m.PUBLIC_EVENTS),
        },
        event_to_proto=event_to_proto,
    ),
    public=public_events,
    refusals=b.REFUSALS,
)
