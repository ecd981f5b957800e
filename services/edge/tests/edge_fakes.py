"""Hand-written fakes of the services' gRPC stubs, and the edge app built over them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import grpc
from fastapi import FastAPI
from google.protobuf.message import Message
from livebid.bidding.v1 import bidding_service_pb2 as bid
from livebid.bidding.v1 import flash_sales_pb2 as flash
from livebid.bidding.v1 import giveaways_pb2 as giveaways
from livebid.bidding.v1 import public_events_pb2 as bid_events
from livebid.catalog.v1 import catalog_service_pb2 as cat
from livebid.common.v1.money_pb2 import Money
from livebid.notifications.v1 import notifications_pb2 as notif
from livebid.orders.v1 import events_pb2
from livebid.orders.v1 import orders_service_pb2 as orders

from livebid_edge.app import create_app
from livebid_edge.auth import issue
from livebid_edge.clients import Clients
from livebid_platform.settings import PlatformSettings

SECRET = "test-secret-that-is-at-least-32-bytes-long"
NOW = 1_700_000_000_000


class CannedService:
    """A service stub whose every method answers its canned reply (or raises its error)."""

    def __init__(self, **replies: Message | grpc.aio.AioRpcError) -> None:
        self.replies = replies
        self.requests: list[Message] = []

    def __getattr__(self, method: str) -> Callable[[Message], Awaitable[Message]]:
        if method not in self.replies:
            raise AttributeError(f"no canned reply for {method}")
        reply = self.replies[method]

        async def call(request: Message) -> Message:
            self.requests.append(request)
            if isinstance(reply, grpc.aio.AioRpcError):
                raise reply
            return reply

        return call


def failure(code: grpc.StatusCode, details: str) -> grpc.aio.AioRpcError:
    """A failed call as the gRPC client raises it."""
    return grpc.aio.AioRpcError(code, grpc.aio.Metadata(), grpc.aio.Metadata(), details)


def services(
    catalog: CannedService | None = None,
    bidding: CannedService | None = None,
    orders: CannedService | None = None,
    notifications: CannedService | None = None,
) -> Clients:
    return Clients(
        catalog=catalog or CannedService(),  # type: ignore[arg-type]
        bidding=bidding or CannedService(),  # type: ignore[arg-type]
        orders=orders or CannedService(),  # type: ignore[arg-type]
        notifications=notifications or CannedService(),  # type: ignore[arg-type]
        channels=[],
    )


def edge_app(clients: Clients | None = None, environment: str = "test") -> FastAPI:
    """The app as __main__ builds it, over fakes instead of connected clients."""
    settings = PlatformSettings(environment=environment, token_secret=SECRET)
    return create_app(settings, connect=lambda _: clients or services())


def bearer(user_id: str, *roles: str, spending_limit_cents: int = 0) -> dict[str, str]:
    token = issue(
        SECRET,
        user_id,
        list(roles) or ["buyer"],
        verified=True,
        spending_limit_cents=spending_limit_cents,
    )
    return {"Authorization": f"Bearer {token}", "Idempotency-Key": "k1"}


def _money(cents: int) -> Money:
    return Money(amount_cents=cents, currency="USD")


def _order(order_id: str, seller_id: str) -> orders.Order:
    return orders.Order(
        order_id=order_id,
        auction_id="a1",
        listing_id="l1",
        show_id="s1",
        seller_id=seller_id,
        buyer_id="bea",
        price=_money(2500),
        placed_at_ms=NOW,
        status="paid",
        bundle_id="b1",
        reason="",
    )


BUNDLE = orders.Bundle(
    bundle_id="b1",
    show_id="s1",
    seller_id="sam",
    buyer_id="bea",
    status="shipped",
    shipping=_money(500),
    order_ids=["o1"],
    carrier="UPS",
    tracking_number="1Z999",
    held=_money(3000),
)


def _action(code: str = "", reason: str = "") -> orders.BundleAction:
    return orders.BundleAction(accepted=not code, code=code, reason=reason, bundle=BUNDLE)


def _posting() -> events_pb2.LedgerPosted:
    return events_pb2.LedgerPosted(
        bundle_id="b1",
        show_id="s1",
        posting_id="o1:a1",
        kind="charge",
        currency="USD",
        entries=[
            events_pb2.LedgerEntry(account="buyer_payments_clearing", amount_cents=-2500),
            events_pb2.LedgerEntry(account="escrow:sam", amount_cents=2500),
        ],
    )


def busy_services(*, rejecting: bool = False) -> Clients:
    """Services whose every call answers with every field set, so each route's answer shows
    every field it carries; `rejecting` makes the decisions rejections."""
    accepted, rejected = bid.BID_STATUS_ACCEPTED, bid.BID_STATUS_REJECTED
    status = rejected if rejecting else accepted
    listing = cat.ListingView(
        listing_id="l1",
        title="Denim jacket",
        starting_price=_money(1000),
        quantity=2,
        status="in_auction",
        auction_id="a1",
        run_order=3,
        sale_id="f1",
        giveaway_id="g1",
    )
    return services(
        catalog=CannedService(
            ScheduleShow=cat.ScheduleShowResponse(show_id="s1"),
            AddListing=cat.AddListingResponse(listing_id="l1"),
            StartShow=cat.StartShowResponse(),
            EndShow=cat.EndShowResponse(),
            FollowSeller=cat.FollowSellerResponse(changed=True),
            UnfollowSeller=cat.UnfollowSellerResponse(changed=False),
            GetShow=cat.GetShowResponse(
                show_id="s1",
                seller_id="sam",
                title="Vintage night",
                status="live",
                pinned_listing_id="l1",
                listings=[listing],
                stream_url="rtmp://example/s1",
            ),
            PutUpForAuction=cat.PutUpForAuctionResponse(auction_id="a1", deadline_ms=NOW),
            PutUpForFlashSale=cat.PutUpForFlashSaleResponse(sale_id="f1", deadline_ms=NOW),
            PutUpForGiveaway=cat.PutUpForGiveawayResponse(giveaway_id="g1", ends_at_ms=NOW),
        ),
        bidding=CannedService(
            PlaceBid=bid.PlaceBidResponse(
                status=status,
                reason=bid_events.REJECTION_REASON_BELOW_MINIMUM if rejecting else 0,
                price=_money(1200),
                leader_id="bea",
                min_next_bid_cents=1300,
                deadline_ms=NOW,
                leading=not rejecting,
            ),
            GetAuction=bid.GetAuctionResponse(
                auction_id="a1",
                listing_id="l1",
                show_id="s1",
                status="closed",
                price=_money(2500),
                leader_id="bea",
                deadline_ms=NOW,
                bid_count=7,
                min_next_bid_cents=2600,
                winner_id="bea",
            ),
            VoidAuction=bid.VoidAuctionResponse(),
            BuyNow=bid.BuyNowResponse(
                status=status,
                reason=bid_events.REJECTION_REASON_BUY_NOW_UNAVAILABLE if rejecting else 0,
                price=_money(4000),
            ),
            BuyFlashSale=bid.BuyFlashSaleResponse(
                status=status,
                reason=flash.FLASH_SALE_REJECTION_REASON_SOLD_OUT if rejecting else 0,
                remaining=0 if rejecting else 4,
                quantity=1,
                unit_price=_money(900),
            ),
            EnterGiveaway=bid.EnterGiveawayResponse(
                status=status,
                reason=giveaways.ENTRY_REJECTION_REASON_NOT_A_FOLLOWER if rejecting else 0,
                entrant_number=0 if rejecting else 12,
            ),
            GetGiveaway=bid.GetGiveawayResponse(
                giveaway_id="g1",
                status="drawn",
                entrant_count=12,
                winner_id="bea",
                seed="c0ffee",
                algorithm="sha256-mod-v1",
                ends_at_ms=NOW,
                seller_id="sam",
                followers_only=True,
                verified_only=True,
            ),
        ),
        orders=CannedService(
            ListOrders=orders.ListOrdersResponse(
                orders=[_order("o1", "sam"), _order("o2", "someone-else")]
            ),
            GetOrder=orders.GetOrderResponse(order=_order("o1", "sam")),
            GetBundle=orders.GetBundleResponse(bundle=BUNDLE),
            GetLedger=orders.GetLedgerResponse(postings=[_posting()]),
            # The bundle's decisions are accepted here; refusals have their own tests.
            **{
                f"{rpc}": getattr(orders, f"{rpc}Response")(action=_action())
                for rpc in (
                    "RetryPayment",
                    "CancelOrder",
                    "RequestCancellation",
                    "AnswerCancellation",
                    "MarkShipped",
                    "ConfirmDelivery",
                )
            },
        ),
        notifications=CannedService(
            ListInbox=notif.ListInboxResponse(
                notifications=[
                    notif.Notification(
                        user_id="bea",
                        cursor=4,
                        kind=notif.NOTIFICATION_KIND_OUTBID,
                        auction_id="a1",
                        show_id="s1",
                        amount_cents=1300,
                        currency="USD",
                        text="You were outbid",
                        at_ms=NOW,
                        source_event_id="e1",
                    )
                ]
            )
        ),
    )
