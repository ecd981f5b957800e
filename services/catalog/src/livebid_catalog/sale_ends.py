"""The catalog's policies for the ends of sales: bidding's AuctionEnded, FlashSaleClosed and
GiveawayDrawn become commands to the listing's show, so it is sold or available again; and
orders' OrderCancelled puts a cancelled order's unit back on sale."""

from __future__ import annotations

from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb
from livebid.bidding.v1 import public_events_pb2 as bidding_pub
from livebid.catalog.internal.v1 import write_side_pb2 as internal
from livebid.orders.v1 import events_pb2 as orders_pub

from livebid_catalog.domain import commands as c
from livebid_platform.envelope import Envelope
from livebid_platform.writeside import Command
from livebid_platform.writeside.mirrored import to_proto


async def sale_end_commands(env: Envelope) -> list[Command]:
    """The command an ended sale calls for; none for other events or sales of no show."""
    msg = env.message
    end: c.SaleEnd
    if isinstance(msg, bidding_pub.AuctionEnded):
        end, sale = (
            c.EndListingAuction(msg.show_id, msg.listing_id, msg.auction_id, msg.sold),
            msg.auction_id,
        )
    elif isinstance(msg, flash_pb.FlashSaleClosed):
        end, sale = (
            c.EndListingFlashSale(msg.show_id, msg.listing_id, msg.sale_id, msg.sold),
            msg.sale_id,
        )
    elif isinstance(msg, giveaway_pb.GiveawayDrawn):
        end = c.EndListingGiveaway(msg.show_id, msg.listing_id, msg.giveaway_id, msg.winner_id)
        sale = msg.giveaway_id
    else:
        return []
    if not end.show_id:
        return []  # a sale opened in bidding directly, not for a show's listing
    return [Command(to_proto(end, internal), f"end:{sale}", end.show_id)]


async def relist_commands(env: Envelope) -> list[Command]:
    """Orders' OrderCancelled (relisted) puts the order's unit back on its listing."""
    msg = env.message
    if not isinstance(msg, orders_pub.OrderCancelled) or not (msg.relisted and msg.show_id):
        return []
    relist = c.RelistUnit(msg.show_id, msg.listing_id, msg.order_id)
    return [Command(to_proto(relist, internal), f"relist:{msg.order_id}", msg.show_id)]
