"""The orders policy (consumer group "orders-policy"): sales in, orders out; a show's end in,
its bundles closed.

- bidding.events.v1: a sold AuctionEnded, each FlashSalePurchased and a won GiveawayDrawn
  become one PlaceOrder per unit, carrying the listing's shipping profile (from catalog's
  public ListingAdded). A PlaceOrder's id derives from the order's, which derives from the
  sale: a redelivered sale appends the same command, decided once.
- catalog.events.v1: ShowEnded becomes EndShow for each bundle of the show. A sale reported
  after its show ended is followed by EndShow for its bundle at once, so no bundle misses it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable

from aiokafka import ConsumerRecord
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb
from livebid.bidding.v1 import public_events_pb2 as bidding_pub
from livebid.catalog.v1 import events_pb2 as catalog_pub
from livebid.orders.internal.v1 import bundle_pb2

from livebid_orders import codec
from livebid_orders.domain import Sale, orders_for
from livebid_orders.store import OrderIndex
from livebid_platform.envelope import Envelope, decode
from livebid_platform.writeside import Command


class CatalogFacts:
    """What orders needs of catalog.events.v1: each listing's shipping profile, and which
    shows ended (the fold a Follower keeps)."""

    def __init__(self) -> None:
        self.profiles: dict[str, str] = {}
        self.ended: set[str] = set()

    def apply(self, message: object) -> None:
        if isinstance(message, catalog_pub.ListingAdded):
            self.profiles[message.listing_id] = message.shipping_profile
        elif isinstance(message, catalog_pub.ShowEnded):
            self.ended.add(message.show_id)

    def apply_record(self, record: ConsumerRecord[bytes, bytes]) -> None:
        self.apply(decode(record.value, record.headers).message)


def end_show(bundle_id: str) -> Command:
    return Command(bundle_pb2.EndShow(bundle_id=bundle_id), f"end-show:{bundle_id}", bundle_id)


class OrdersPolicy:
    def __init__(
        self,
        facts: CatalogFacts,
        index: OrderIndex,
        sync: Callable[[], Awaitable[None]],
    ) -> None:
        self._facts = facts
        self._index = index
        self._sync = sync  # catch the order index up with the log
        # Bundles this policy placed orders in, by show: the index may not have folded them.
        self._placed: defaultdict[str, set[str]] = defaultdict(set)

    async def commands_for(self, env: Envelope) -> list[Command]:
        """The commands an event calls for (raises InvalidSale for a malformed sale)."""
        msg = env.message
        if isinstance(msg, catalog_pub.ShowEnded):
            self._facts.apply(msg)
            await self._sync()
            bundles = set(self._index.bundles("show", msg.show_id)) | self._placed[msg.show_id]
            return [end_show(b) for b in sorted(bundles)]
        sale = _sale(msg)
        if sale is None:
            return []
        commands = []
        for order in orders_for(sale):
            profile = self._facts.profiles.get(order.listing_id, "")
            placed = codec.place_order_to_proto(order)
            placed.shipping_profile = profile
            commands.append(Command(placed, f"place:{order.order_id}", order.bundle_id))
            self._placed[order.show_id].add(order.bundle_id)
            if order.show_id in self._facts.ended:
                commands.append(end_show(order.bundle_id))
        return commands


def _sale(msg: object) -> Sale | None:
    if isinstance(msg, bidding_pub.AuctionEnded):
        return codec.auction_ended(msg)
    if isinstance(msg, flash_pb.FlashSalePurchased):
        return codec.flash_sale_purchased(msg)
    if isinstance(msg, giveaway_pb.GiveawayDrawn):
        return codec.giveaway_drawn(msg)
    return None
