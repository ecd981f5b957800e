"""The orders policy: bidding's public sales in, one PlaceOrder per unit sold out.

A PlaceOrder's id derives from the order's, which derives from the sale: a redelivered
sale appends the same command, which the order's one writer decides only once.
"""

from __future__ import annotations

from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import public_events_pb2 as bidding_pub

from livebid_orders import codec
from livebid_orders.domain import Sale, orders_for
from livebid_platform.envelope import Envelope
from livebid_platform.writeside import Command


async def orders_for_event(env: Envelope) -> list[Command]:
    """The commands a bidding event calls for (raises InvalidSale for a malformed sale)."""
    sale: Sale
    if isinstance(env.message, bidding_pub.AuctionEnded):
        sale = codec.auction_ended(env.message)
    elif isinstance(env.message, flash_pb.FlashSalePurchased):
        sale = codec.flash_sale_purchased(env.message)
    else:
        return []
    return [
        Command(codec.place_order_to_proto(order), f"place:{order.order_id}", order.order_id)
        for order in orders_for(sale)
    ]
