"""The API's messages for a bundle and its orders (reads of the bundle's fold)."""

from __future__ import annotations

from livebid.common.v1.money_pb2 import Money
from livebid.orders.v1 import orders_service_pb2 as api_pb

from livebid_orders.bundle import Bundle, Line


def order_view(bundle: Bundle, line: Line) -> api_pb.Order:
    return api_pb.Order(
        order_id=line.order_id,
        auction_id=line.auction_id,
        listing_id=line.listing_id,
        show_id=bundle.show_id,
        seller_id=bundle.seller_id,
        buyer_id=bundle.buyer_id,
        price=Money(amount_cents=line.price_cents, currency=bundle.currency),
        placed_at_ms=line.placed_at_ms,
        status=str(line.status),
        bundle_id=bundle.bundle_id,
        cancellation_requested=line.cancel_requested,
        reason=line.reason,
    )


def bundle_view(bundle: Bundle) -> api_pb.Bundle:
    return api_pb.Bundle(
        bundle_id=bundle.bundle_id,
        show_id=bundle.show_id,
        seller_id=bundle.seller_id,
        buyer_id=bundle.buyer_id,
        status=bundle.status,
        shipping=Money(amount_cents=bundle.shipping_cents, currency=bundle.currency),
        order_ids=[x.order_id for x in bundle.lines],
        carrier=bundle.carrier,
        tracking_number=bundle.tracking_number,
        held=Money(amount_cents=bundle.held_cents, currency=bundle.currency),
    )
