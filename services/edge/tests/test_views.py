"""The views mirror the services' replies: the same fields, and statuses the protos allow."""

from __future__ import annotations

from typing import Any, get_args

import httpx
import pytest
from edge_fakes import CannedService, bearer, busy_services, edge_app, failure, services
from fastapi.testclient import TestClient
from google.protobuf.descriptor import Descriptor
from grpc import StatusCode
from livebid.bidding.v1 import bidding_service_pb2 as bid
from livebid.catalog.v1 import catalog_service_pb2 as cat
from livebid.notifications.v1 import notifications_pb2 as notif
from livebid.orders.v1 import orders_service_pb2 as orders

from livebid_edge import views
from livebid_edge.clients import Clients
from livebid_edge.errors import Problem
from livebid_edge.jsonview import as_json

MIRRORS: list[tuple[type[views.View], Descriptor]] = [
    (views.BidDecision, bid.PlaceBidResponse.DESCRIPTOR),
    (views.BuyNowDecision, bid.BuyNowResponse.DESCRIPTOR),
    (views.PurchaseDecision, bid.BuyFlashSaleResponse.DESCRIPTOR),
    (views.EntryDecision, bid.EnterGiveawayResponse.DESCRIPTOR),
    (views.AuctionView, bid.GetAuctionResponse.DESCRIPTOR),
    (views.GiveawayView, bid.GetGiveawayResponse.DESCRIPTOR),
    (views.NewShow, cat.ScheduleShowResponse.DESCRIPTOR),
    (views.NewListing, cat.AddListingResponse.DESCRIPTOR),
    (views.NewAuction, cat.PutUpForAuctionResponse.DESCRIPTOR),
    (views.NewFlashSale, cat.PutUpForFlashSaleResponse.DESCRIPTOR),
    (views.NewGiveaway, cat.PutUpForGiveawayResponse.DESCRIPTOR),
    (views.ShowView, cat.GetShowResponse.DESCRIPTOR),
    (views.ListingView, cat.ListingView.DESCRIPTOR),
    (views.OrderList, orders.ListOrdersResponse.DESCRIPTOR),
    (views.OrderView, orders.Order.DESCRIPTOR),
    (views.BundleView, orders.Bundle.DESCRIPTOR),
    (views.BundleAnswer, orders.GetBundleResponse.DESCRIPTOR),
    (views.BundleActionView, orders.BundleAction.DESCRIPTOR),
    (views.LedgerView, orders.GetLedgerResponse.DESCRIPTOR),
    (views.Inbox, notif.ListInboxResponse.DESCRIPTOR),
    (views.NotificationView, notif.Notification.DESCRIPTOR),
]


@pytest.mark.parametrize(("view", "reply"), MIRRORS, ids=[v.__name__ for v, _ in MIRRORS])
def test_a_view_has_exactly_the_fields_of_the_reply_it_shows(
    view: type[views.View], reply: Descriptor
) -> None:
    assert list(view.model_fields) == [f.name for f in reply.fields]


DECISIONS = [(v, r) for v, r in MIRRORS if issubclass(v, views.Decision)]


@pytest.mark.parametrize(("view", "reply"), DECISIONS, ids=[v.__name__ for v, _ in DECISIONS])
def test_a_decision_names_every_rejection_reason_of_its_reply(
    view: type[views.Decision], reply: Descriptor
) -> None:
    enum = reply.fields_by_name["reason"].enum_type
    codes = {v.name.removeprefix(view.reason_prefix).lower() for v in enum.values}
    (literal, _none) = get_args(view.model_fields["reason"].annotation)
    assert set(get_args(literal)) == codes


def test_a_notification_kind_is_named_as_the_proto_names_it() -> None:
    kinds = {v.name for v in notif.NotificationKind.DESCRIPTOR.values}
    assert set(get_args(views.NotificationView.model_fields["kind"].annotation)) == kinds


def call(
    method: str, path: str, body: dict[str, Any] | None = None, clients: Clients | None = None
) -> httpx.Response:
    """One request by a seller who also buys, to the app over busy fake services."""
    with TestClient(edge_app(clients or busy_services())) as client:
        return client.request(method, path, json=body, headers=bearer("sam", "seller", "buyer"))


def test_an_auction_is_the_bidding_service_reply_field_for_field() -> None:
    answer = call("GET", "/v1/auctions/a1")
    expected = bid.GetAuctionResponse(
        auction_id="a1",
        listing_id="l1",
        show_id="s1",
        status="closed",
        price={"amount_cents": 2500, "currency": "USD"},
        leader_id="bea",
        deadline_ms=1_700_000_000_000,
        bid_count=7,
        min_next_bid_cents=2600,
        winner_id="bea",
    )
    assert answer.status_code == 200
    assert answer.json() == as_json(expected)
    assert views.AuctionView.model_validate(answer.json()).price.amount_cents == 2500


def test_a_rejected_bid_answers_its_reason_as_a_short_code() -> None:
    answer = call(
        "POST",
        "/v1/auctions/a1/bids",
        {"amount_cents": 1200},
        clients=busy_services(rejecting=True),
    )
    decision = views.BidDecision.model_validate(answer.json())
    assert (decision.status, decision.reason) == ("rejected", "below_minimum")
    assert decision.min_next_bid_cents == 1300


def test_an_accepted_bid_has_a_null_reason() -> None:
    answer = call("POST", "/v1/auctions/a1/bids", {"amount_cents": 1200})
    assert answer.json()["status"] == "accepted" and answer.json()["reason"] is None
    assert views.BidDecision.model_validate(answer.json()).leading


def test_a_seller_sees_only_their_own_orders_of_a_show() -> None:
    answer = call("GET", "/v1/shows/s1/orders")
    shown = views.OrderList.model_validate(answer.json()).orders
    assert [o.order_id for o in shown] == ["o1"]  # o2 is another seller's


def test_a_failed_service_call_answers_a_problem_with_the_service_reason() -> None:
    missing = services(bidding=CannedService(GetGiveaway=failure(StatusCode.NOT_FOUND, "gone")))
    answer = call("GET", "/v1/giveaways/g9", clients=missing)
    assert answer.status_code == 404
    assert Problem.model_validate(answer.json()) == Problem(detail="gone")
