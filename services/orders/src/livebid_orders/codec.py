"""Translation between the orders domain and the protobuf contracts. Nothing else."""

from __future__ import annotations

from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import public_events_pb2 as bidding_pub
from livebid.common.v1.money_pb2 import Money
from livebid.orders.v1 import events_pb2 as pb
from livebid.orders.v1 import orders_service_pb2 as api_pb

from livebid_orders.domain import (
    AuctionEnded,
    FlashSalePurchased,
    FlashSaleTerms,
    Order,
    OrderPlaced,
)
from livebid_platform.envelope import Envelope, envelope

SOURCE = "livebid.orders"


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


def flash_sale_terms(msg: flash_pb.FlashSaleOpened) -> FlashSaleTerms:
    return FlashSaleTerms(msg.sale_id, msg.listing_id, msg.show_id, msg.seller_id, msg.currency)


def flash_sale_purchased(
    msg: flash_pb.FlashSalePurchased, terms: FlashSaleTerms
) -> FlashSalePurchased:
    return FlashSalePurchased(
        terms, msg.buyer_id, msg.quantity, msg.unit_price_cents, msg.at_ms, msg.remaining
    )


def to_envelope(event: OrderPlaced, correlation_id: str) -> Envelope:
    msg = pb.OrderPlaced(
        order_id=event.order_id,
        auction_id=event.auction_id,
        listing_id=event.listing_id,
        show_id=event.show_id,
        seller_id=event.seller_id,
        buyer_id=event.buyer_id,
        price=Money(amount_cents=event.price_cents, currency=event.currency),
        placed_at_ms=event.placed_at_ms,
    )
    # One order is placed once: its id names the event, so a duplicate is recognisable.
    return envelope(
        msg,
        event_id=f"{event.order_id}/placed",
        source=SOURCE,
        subject=event.order_id,
        time_ms=event.placed_at_ms,
        correlation_id=correlation_id,
    )


def order_placed(msg: pb.OrderPlaced) -> OrderPlaced:
    return OrderPlaced(
        order_id=msg.order_id,
        auction_id=msg.auction_id,
        listing_id=msg.listing_id,
        show_id=msg.show_id,
        seller_id=msg.seller_id,
        buyer_id=msg.buyer_id,
        price_cents=msg.price.amount_cents,
        currency=msg.price.currency,
        placed_at_ms=msg.placed_at_ms,
    )


def order_view(order: Order) -> api_pb.Order:
    return api_pb.Order(
        order_id=order.order_id,
        auction_id=order.auction_id,
        listing_id=order.listing_id,
        show_id=order.show_id,
        seller_id=order.seller_id,
        buyer_id=order.buyer_id,
        price=Money(amount_cents=order.price_cents, currency=order.currency),
        placed_at_ms=order.placed_at_ms,
        status=order.status,
    )
