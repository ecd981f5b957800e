"""Translation between the protobuf contracts and the pure domain. Nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from google.protobuf.message import Message
from livebid.bidding.v1 import flash_sales_pb2 as flash
from livebid.bidding.v1 import giveaways_pb2 as give
from livebid.bidding.v1 import public_events_pb2 as bid
from livebid.catalog.v1 import events_pb2 as cat
from livebid.notifications.v1 import notifications_pb2 as pb
from livebid.orders.v1 import events_pb2 as orders

from livebid_notifications.domain import events as e
from livebid_notifications.domain import order_events as o
from livebid_notifications.domain.inbox import Notification, NotificationKind

_KINDS = {k: pb.NotificationKind.Value(f"NOTIFICATION_KIND_{k.name}") for k in NotificationKind}
_KINDS_BACK = {v: k for k, v in _KINDS.items()}

# Generated message classes have no static field types, hence Any.
_INPUTS: dict[type[Message], Callable[[Any, int], e.Event]] = {
    cat.ShowScheduled: lambda m, _: e.ShowScheduled(m.show_id, m.seller_id, m.title, m.stream_url),
    cat.ShowStarted: lambda m, t: e.ShowStarted(m.show_id, m.seller_id, t),
    cat.ShowEnded: lambda m, _: e.ShowEnded(m.show_id),
    cat.ListingAdded: lambda m, _: e.ListingAdded(m.show_id, m.listing_id, m.title),
    cat.ListingPinned: lambda m, _: e.ListingPinned(m.show_id, m.listing_id),
    cat.ListingPutUpForAuction: lambda m, _: e.ListingPutUpForAuction(
        m.show_id, m.listing_id, m.auction_id
    ),
    cat.ListingAuctionEnded: lambda m, _: e.ListingAuctionEnded(
        m.show_id, m.listing_id, m.auction_id, m.sold
    ),
    bid.AuctionStarted: lambda m, _: e.AuctionStarted(
        m.show_id,
        m.auction_id,
        m.listing_id,
        m.starting_price.amount_cents,
        m.starting_price.currency,
        m.deadline_ms,
    ),
    bid.HighBidChanged: lambda m, _: e.HighBidChanged(
        m.show_id,
        m.auction_id,
        m.price.amount_cents,
        m.price.currency,
        m.leader_id,
        m.deadline_ms,
        m.bid_count,
        m.min_next_bid_cents,
    ),
    bid.BidderOutbid: lambda m, t: e.BidderOutbid(
        m.show_id, m.auction_id, m.bidder_id, m.price.amount_cents, m.price.currency, m.at_ms or t
    ),
    bid.AuctionEnded: lambda m, t: e.AuctionEnded(
        m.show_id,
        m.auction_id,
        m.listing_id,
        m.sold,
        m.winner_id,
        m.price.amount_cents,
        m.price.currency,
        m.closed_at_ms or t,
        m.deadline_ms,
    ),
    orders.OrderPlaced: lambda m, t: e.OrderPlaced(
        m.order_id,
        m.show_id,
        m.auction_id,
        m.buyer_id,
        m.price.amount_cents,
        m.price.currency,
        m.placed_at_ms or t,
    ),
    cat.SellerFollowed: lambda m, _: e.SellerFollowed(m.seller_id, m.buyer_id),
    cat.SellerUnfollowed: lambda m, _: e.SellerUnfollowed(m.seller_id, m.buyer_id),
    cat.ListingPutUpForFlashSale: lambda m, _: e.ListingPutUpForFlashSale(
        m.show_id, m.listing_id, m.sale_id, m.quantity
    ),
    flash.FlashSaleOpened: lambda m, _: e.FlashSaleOpened(
        m.show_id,
        m.sale_id,
        m.listing_id,
        m.price_cents,
        m.list_price_cents,
        m.currency,
        m.quantity,
        m.per_buyer_limit,
        m.deadline_ms,
    ),
    flash.FlashSalePurchased: lambda m, _: e.FlashSalePurchased(m.show_id, m.sale_id, m.remaining),
    flash.FlashSaleClosed: lambda m, _: e.FlashSaleClosed(
        m.show_id, m.sale_id, m.remaining, m.sold_out
    ),
    cat.ListingPutUpForGiveaway: lambda m, _: e.ListingPutUpForGiveaway(
        m.show_id, m.listing_id, m.giveaway_id
    ),
    give.GiveawayOpened: lambda m, _: e.GiveawayOpened(
        m.show_id, m.giveaway_id, m.listing_id, m.ends_at_ms
    ),
    give.GiveawayEntered: lambda m, _: e.GiveawayEntered("", m.giveaway_id, m.entrant_number),
    give.GiveawayDrawn: lambda m, t: e.GiveawayDrawn(
        m.show_id, m.giveaway_id, m.listing_id, m.winner_id, m.entrant_count, m.at_ms or t
    ),
}

# An order's life (orders.events.v1 v1.1, built on the orders branch). Each mapping is
# registered only once its contract is in livebid-contracts, so this service runs before and
# after that contract is merged; test_order_notifications checks the domain rules either way.
_ORDER_EVENTS: dict[str, Callable[[Any, int], e.Event]] = {
    "PaymentFailed": lambda m, t: o.PaymentFailed(
        m.bundle_id,
        m.order_id,
        m.buyer_id,
        m.show_id,
        m.amount_cents,
        m.currency,
        m.reason,
        m.what_to_do,
        t,
    ),
    "OrderPaid": lambda m, t: o.OrderPaid(
        m.bundle_id, m.order_id, m.buyer_id, m.show_id, m.amount_cents, m.currency, t
    ),
    "OrderCancelled": lambda m, t: o.OrderCancelled(
        m.bundle_id,
        m.order_id,
        m.buyer_id,
        m.show_id,
        m.cancelled_by,
        m.reason,
        m.refund_cents,
        m.currency,
        t,
    ),
    "BundleShipped": lambda m, t: o.BundleShipped(
        m.bundle_id, m.buyer_id, m.show_id, m.carrier, m.tracking_number, t
    ),
    "BundleDelivered": lambda m, t: o.BundleDelivered(
        m.bundle_id, m.buyer_id, m.show_id, m.at_ms or t
    ),
    "PayoutReleased": lambda m, t: o.PayoutReleased(
        m.bundle_id,
        m.seller_id,
        m.show_id,
        m.gross_cents,
        m.fee_cents,
        m.net_cents,
        m.currency,
        t,
    ),
}
_INPUTS.update(
    {
        getattr(orders, name): convert
        for name, convert in _ORDER_EVENTS.items()
        if hasattr(orders, name)
    }
)


def input_event(message: Message, time_ms: int) -> e.Event | None:
    """An input message as a domain event, or None for a type this service does not use.

    `time_ms` (the envelope's time) stands in for an event time the message left empty.
    """
    convert = _INPUTS.get(type(message))
    return convert(message, time_ms) if convert else None


def notification_to_proto(n: Notification) -> pb.Notification:
    return pb.Notification(
        user_id=n.user_id,
        cursor=n.cursor,
        kind=_KINDS[n.kind],
        auction_id=n.auction_id,
        show_id=n.show_id,
        amount_cents=n.amount_cents,
        currency=n.currency,
        text=n.text,
        at_ms=n.at_ms,
        source_event_id=n.source_event_id,
        order_id=n.order_id,
        bundle_id=n.bundle_id,
    )


def notification_from_proto(m: pb.Notification) -> Notification:
    """The inverse of notification_to_proto; an unknown kind is a bad record."""
    if m.kind not in _KINDS_BACK:
        raise ValueError(f"unknown notification kind {m.kind}")
    if not (m.user_id and m.source_event_id):
        raise ValueError("a notification needs user_id and source_event_id")
    return Notification(
        user_id=m.user_id,
        kind=_KINDS_BACK[m.kind],
        source_event_id=m.source_event_id,
        auction_id=m.auction_id,
        show_id=m.show_id,
        amount_cents=m.amount_cents,
        currency=m.currency,
        text=m.text,
        at_ms=m.at_ms,
        cursor=m.cursor,
        order_id=m.order_id,
        bundle_id=m.bundle_id,
    )
