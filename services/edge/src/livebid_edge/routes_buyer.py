"""Buyer-facing routes: bids, auctions, orders, following sellers and the notification inbox."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from livebid.bidding.v1 import bidding_service_pb2 as bid
from livebid.catalog.v1 import catalog_service_pb2 as cat
from livebid.notifications.v1 import notifications_pb2 as notif
from livebid.orders.v1 import orders_service_pb2 as orders
from pydantic import Field

from livebid_edge.deps import (
    CurrentUser,
    IdempotencyKey,
    ServiceClients,
    require_role,
)
from livebid_edge.errors import PROBLEMS, not_found_unless_known
from livebid_edge.inputs import Body, Cursor, PathId, Reason
from livebid_edge.limits import MAX_CENTS
from livebid_edge.views import (
    AuctionView,
    BidDecision,
    Following,
    Inbox,
    OrderList,
    OrderView,
    VoidedAuction,
)

router = APIRouter(prefix="/v1", tags=["buyers"], responses=PROBLEMS)


class PlaceBidBody(Body):
    # A visible bid; 0 with a max_amount_cents places a pure maximum (proxy) bid.
    amount_cents: int = Field(default=0, ge=0, le=MAX_CENTS)
    # Private maximum for proxy bidding; never shown to anyone else.
    max_amount_cents: int = Field(default=0, ge=0, le=MAX_CENTS)


class VoidBody(Body):
    reason: Reason


@router.post("/auctions/{auction_id}/bids")
async def place_bid(
    auction_id: PathId,
    body: PlaceBidBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> BidDecision:
    """Place a bid and get its definitive answer: accepted, or rejected with a reason (an
    unknown auction is a 404)."""
    if body.amount_cents == 0 and body.max_amount_cents == 0:
        raise HTTPException(400, "give amount_cents, max_amount_cents or both")
    request = bid.PlaceBidRequest(
        auction_id=auction_id,
        bidder_id=user.user_id,
        amount_cents=body.amount_cents,
        max_amount_cents=body.max_amount_cents,
        idempotency_key=key,
        bidder_verified=user.verified,
        spending_limit_cents=user.spending_limit_cents,
    )
    decision = BidDecision.of(await clients.bidding.PlaceBid(request))
    not_found_unless_known(decision.reason, "auction_not_found", "auction")
    # A seller bidding on their own listing stays a 200 "seller_cannot_bid": the auction
    # decided it, like any other rejection, and the app shows the reason.
    return decision


@router.get("/auctions/{auction_id}")
async def get_auction(auction_id: PathId, clients: ServiceClients) -> AuctionView:
    reply = await clients.bidding.GetAuction(bid.GetAuctionRequest(auction_id=auction_id))
    return AuctionView.of(reply)


@router.post("/auctions/{auction_id}/void")
async def void_auction(
    auction_id: PathId, body: VoidBody, user: CurrentUser, clients: ServiceClients
) -> VoidedAuction:
    """Administrators only: a seller cannot cancel a running auction."""
    require_role(user, "admin")
    request = bid.VoidAuctionRequest(
        auction_id=auction_id, admin_id=user.user_id, reason=body.reason
    )
    await clients.bidding.VoidAuction(request)
    return VoidedAuction(auction_id=auction_id, status="voided")


@router.get("/me/orders")
async def my_orders(user: CurrentUser, clients: ServiceClients) -> OrderList:
    reply = await clients.orders.ListOrders(orders.ListOrdersRequest(buyer_id=user.user_id))
    return OrderList.of(reply)


@router.get("/shows/{show_id}/orders")
async def show_orders(show_id: PathId, user: CurrentUser, clients: ServiceClients) -> OrderList:
    """A seller's view of what sold in their show (another seller's show is a 403)."""
    require_role(user, "seller")
    show = await clients.catalog.GetShow(cat.GetShowRequest(show_id=show_id))  # unknown: 404
    if show.seller_id != user.user_id:
        raise HTTPException(403, "this show is another seller's")
    found = await clients.orders.ListOrders(orders.ListOrdersRequest(show_id=show_id))
    mine = [o for o in found.orders if o.seller_id == user.user_id]
    return OrderList(orders=[OrderView.of(o) for o in mine])


@router.get("/me/notifications")
async def my_notifications(user: CurrentUser, clients: ServiceClients, after: Cursor = 0) -> Inbox:
    """Inbox entries after a cursor (the fallback for clients without a WebSocket)."""
    request = notif.ListInboxRequest(user_id=user.user_id, after_cursor=after, limit=200)
    return Inbox.of(await clients.notifications.ListInbox(request))


@router.put("/sellers/{seller_id}/followers/me")
async def follow_seller(seller_id: PathId, user: CurrentUser, clients: ServiceClients) -> Following:
    """Follow a seller: you are told when their shows start. Following twice is once (a
    seller following themselves is a 400)."""
    request = cat.FollowSellerRequest(seller_id=seller_id, buyer_id=user.user_id)
    reply = await clients.catalog.FollowSeller(request)
    return Following(seller_id=seller_id, following=True, changed=reply.changed)


@router.delete("/sellers/{seller_id}/followers/me")
async def unfollow_seller(
    seller_id: PathId, user: CurrentUser, clients: ServiceClients
) -> Following:
    """Stop following a seller; unfollowing one you do not follow changes nothing."""
    request = cat.UnfollowSellerRequest(seller_id=seller_id, buyer_id=user.user_id)
    reply = await clients.catalog.UnfollowSeller(request)
    return Following(seller_id=seller_id, following=False, changed=reply.changed)
