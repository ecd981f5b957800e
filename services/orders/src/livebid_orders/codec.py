"""Translation between the orders domain and the protobuf contracts, and the order DECIDER."""

from __future__ import annotations

from typing import Any

from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import public_events_pb2 as bidding_pub
from livebid.common.v1.money_pb2 import Money
from livebid.orders.internal.v1 import commands_pb2 as internal
from livebid.orders.v1 import events_pb2 as pb
from livebid.orders.v1 import orders_service_pb2 as api_pb

from livebid_orders import domain
from livebid_orders.domain import (
    AuctionEnded,
    FlashSalePurchased,
    FlashSaleTerms,
    Order,
    OrderPlaced,
    PlaceOrder,
)
from livebid_platform.writeside import Codec, Decider


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


# An order's facts travel in three messages (the command, the event, the API's view) with the
# same fields, money as Money: one mapping each way.
_FACTS = ("order_id", "auction_id", "listing_id", "show_id", "seller_id", "buyer_id")


def _message_fields(facts: PlaceOrder | OrderPlaced | Order) -> dict[str, Any]:
    return {
        **{name: getattr(facts, name) for name in _FACTS},
        "price": Money(amount_cents=facts.price_cents, currency=facts.currency),
        "placed_at_ms": facts.placed_at_ms,
    }


def _domain_fields(msg: internal.PlaceOrder | pb.OrderPlaced) -> dict[str, Any]:
    return {
        **{name: getattr(msg, name) for name in _FACTS},
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


def order_view(order: Order) -> api_pb.Order:
    return api_pb.Order(**_message_fields(order), status=order.status)


DECIDER = Decider(
    name="order",
    decide=domain.decide,
    evolve=domain.evolve,
    aggregate_id=lambda message: str(message.order_id),
    codec=Codec(
        commands={internal.PlaceOrder: place_order},
        events={pb.OrderPlaced: order_placed},
        event_to_proto=order_placed_to_proto,
    ),
    # Nothing in an order placed is private: the public event is the private one.
    public=lambda event, order: [order_placed_to_proto(event)],
)
