"""Clients see our reasons, never our internals; callers get the answer their right to act
deserves. Each test reproduces one case from the outside tester's report.

The app is built over hand-written fakes of the services: no network.
"""

from __future__ import annotations

import logging

import grpc
import httpx
import jwt
import pytest
from edge_fakes import SECRET, CannedService, bearer, busy_services, edge_app, failure
from fastapi.testclient import TestClient
from livebid.bidding.v1 import flash_sales_pb2 as flash
from livebid.bidding.v1 import giveaways_pb2 as giveaways
from livebid.bidding.v1 import public_events_pb2 as bid_events

from livebid_edge.clients import Clients
from livebid_edge.errors import BUSY, FAILED, Problem


def get_auction(clients: Clients) -> httpx.Response:
    with TestClient(edge_app(clients)) as client:
        answer: httpx.Response = client.get("/v1/auctions/a1")
        return answer


def failing(code: grpc.StatusCode, details: str) -> Clients:
    clients = busy_services()
    clients.bidding.replies["GetAuction"] = failure(code, details)  # type: ignore[attr-defined]
    return clients


# Internals do not leak

KAFKA_DUMP = (
    "Unexpected <class 'aiokafka.errors.MessageSizeTooLargeError'>: "
    "[Error 10] MessageSizeTooLargeError"
)
TRANSPORT_DUMP = (
    "failed to connect to all addresses; last error: UNKNOWN: ipv4:127.0.0.1:50052: "
    "Failed to connect to remote host: Connection refused"
)


@pytest.mark.parametrize("code", [grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL])
def test_a_service_crash_is_a_502_with_a_fixed_text_and_its_details_only_in_the_log(
    code: grpc.StatusCode, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="livebid_edge.errors"):
        answer = get_auction(failing(code, KAFKA_DUMP))
    assert answer.status_code == 502
    assert Problem.model_validate(answer.json()).detail == FAILED
    assert "aiokafka" not in answer.text
    assert code.name in caplog.text and "MessageSizeTooLargeError" in caplog.text


@pytest.mark.parametrize(
    ("code", "details"),
    [
        (grpc.StatusCode.UNAVAILABLE, TRANSPORT_DUMP),
        (grpc.StatusCode.UNAVAILABLE, "no decision yet; retry with the same idempotency key"),
        (grpc.StatusCode.DEADLINE_EXCEEDED, "Deadline Exceeded"),
        (grpc.StatusCode.CANCELLED, "Locally cancelled by application!"),
    ],
)
def test_a_busy_or_unreachable_service_is_a_503_that_says_retry_with_the_same_key(
    code: grpc.StatusCode, details: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="livebid_edge.errors"):
        answer = get_auction(failing(code, details))
    assert answer.status_code == 503
    assert answer.json() == {"detail": BUSY}
    assert "retry with the same Idempotency-Key" in BUSY
    assert details in caplog.text


@pytest.mark.parametrize(
    "details",
    [
        "received metadata size exceeds soft limit (16500 vs. 8192)",
        "Received message larger than max (4194305 vs. 4194304)",
        f"bidding: {TRANSPORT_DUMP}",
        "ipv6:[::1]:50051 said no",
        "Traceback (most recent call last): ...",
    ],
)
def test_transport_text_under_a_code_that_carries_reasons_is_replaced_by_a_fixed_text(
    details: str,
) -> None:
    answer = get_auction(failing(grpc.StatusCode.RESOURCE_EXHAUSTED, details))
    assert answer.status_code == 429
    detail = Problem.model_validate(answer.json()).detail
    assert detail == "too many requests; retry later"


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (grpc.StatusCode.INVALID_ARGUMENT, 400),
        (grpc.StatusCode.OUT_OF_RANGE, 400),
        (grpc.StatusCode.PERMISSION_DENIED, 403),
        (grpc.StatusCode.NOT_FOUND, 404),
        (grpc.StatusCode.ALREADY_EXISTS, 409),
        (grpc.StatusCode.FAILED_PRECONDITION, 409),
        (grpc.StatusCode.RESOURCE_EXHAUSTED, 429),
    ],
)
def test_a_services_reason_for_the_caller_still_reaches_the_caller(
    code: grpc.StatusCode, status: int
) -> None:
    answer = get_auction(failing(code, "bidding: the listing is not live"))
    assert answer.status_code == status
    assert answer.json() == {"detail": "bidding: the listing is not live"}


def test_an_expired_token_is_a_401_without_pyjwts_words(caplog: pytest.LogCaptureFixture) -> None:
    token = jwt.encode({"sub": "bea", "exp": 1}, SECRET, algorithm="HS256")
    app = edge_app(busy_services())
    with caplog.at_level(logging.WARNING, logger="livebid_edge.deps"), TestClient(app) as client:
        answer = client.get("/v1/me/orders", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401
    assert answer.json() == {"detail": "invalid or expired token"}
    assert "Signature has expired" in caplog.text


def test_a_token_signed_with_another_secret_is_a_401_with_the_fixed_text() -> None:
    token = jwt.encode({"sub": "bea", "exp": 2**40}, "another-secret-" * 3, algorithm="HS256")
    with TestClient(edge_app(busy_services())) as client:
        answer = client.get("/v1/me/orders", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401
    assert answer.json() == {"detail": "invalid or expired token"}


def test_a_malformed_claim_of_ours_is_named_and_pydantics_words_are_not() -> None:
    claims = {"sub": "bea", "exp": 2**40, "spending_limit_cents": False}
    token = jwt.encode(claims, SECRET, algorithm="HS256")
    with TestClient(edge_app(busy_services())) as client:
        answer = client.get("/v1/me/orders", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401
    expected = "invalid or expired token: claim spending_limit_cents is malformed"
    assert answer.json() == {"detail": expected}


# Authorization answers


def show_orders(clients: Clients, user_id: str, *roles: str) -> httpx.Response:
    with TestClient(edge_app(clients)) as client:
        answer: httpx.Response = client.get("/v1/shows/s1/orders", headers=bearer(user_id, *roles))
        return answer


def test_a_seller_reading_another_sellers_show_orders_is_refused_with_403() -> None:
    clients = busy_services()  # show s1 is sam's
    answer = show_orders(clients, "other-seller", "seller")
    assert answer.status_code == 403
    assert Problem.model_validate(answer.json()).detail == "this show is another seller's"
    assert not clients.orders.requests  # type: ignore[attr-defined]


def test_a_seller_reading_the_orders_of_an_unknown_show_gets_404() -> None:
    clients = busy_services()
    clients.catalog.replies["GetShow"] = failure(  # type: ignore[attr-defined]
        grpc.StatusCode.NOT_FOUND, "no show s1"
    )
    answer = show_orders(clients, "sam", "seller")
    assert answer.status_code == 404
    assert answer.json() == {"detail": "no show s1"}
    assert not clients.orders.requests  # type: ignore[attr-defined]


def test_a_seller_reads_their_own_show_orders_and_only_theirs() -> None:
    answer = show_orders(busy_services(), "sam", "seller")
    assert answer.status_code == 200
    assert [o["order_id"] for o in answer.json()["orders"]] == ["o1"]


def rejected_for(method: str, reason: int) -> Clients:
    """Services whose bidding rejects `method` with `reason`."""
    clients = busy_services(rejecting=True)
    bidding: CannedService = clients.bidding  # type: ignore[assignment]
    reply = bidding.replies[method]
    reply.reason = reason  # type: ignore[attr-defined]
    return clients


def post(clients: Clients, path: str, body: dict[str, int] | None = None) -> httpx.Response:
    with TestClient(edge_app(clients)) as client:
        answer: httpx.Response = client.post(path, json=body, headers=bearer("bea", "buyer"))
        return answer


@pytest.mark.parametrize(
    ("method", "reason", "path", "body", "detail"),
    [
        (
            "PlaceBid",
            bid_events.REJECTION_REASON_AUCTION_NOT_FOUND,
            "/v1/auctions/nope/bids",
            {"amount_cents": 100},
            "auction_not_found: no such auction",
        ),
        (
            "BuyNow",
            bid_events.REJECTION_REASON_AUCTION_NOT_FOUND,
            "/v1/auctions/nope/buy-now",
            None,
            "auction_not_found: no such auction",
        ),
        (
            "BuyFlashSale",
            flash.FLASH_SALE_REJECTION_REASON_NOT_FOUND,
            "/v1/flash-sales/nope/purchases",
            {},
            "not_found: no such flash sale",
        ),
        (
            "EnterGiveaway",
            giveaways.ENTRY_REJECTION_REASON_NOT_FOUND,
            "/v1/giveaways/nope/entries",
            None,
            "not_found: no such giveaway",
        ),
    ],
    ids=["bid", "buy-now", "flash-sale-purchase", "giveaway-entry"],
)
def test_a_bid_or_purchase_on_something_that_does_not_exist_is_a_404_with_the_reason(
    method: str, reason: int, path: str, body: dict[str, int] | None, detail: str
) -> None:
    answer = post(rejected_for(method, reason), path, body)
    assert answer.status_code == 404
    assert answer.json() == {"detail": detail}


@pytest.mark.parametrize(
    ("method", "reason", "path", "body"),
    [
        (
            "PlaceBid",
            bid_events.REJECTION_REASON_SELLER_CANNOT_BID,
            "/v1/auctions/a1/bids",
            {"amount_cents": 100},
        ),
        ("BuyNow", bid_events.REJECTION_REASON_SELLER_CANNOT_BID, "/v1/auctions/a1/buy-now", None),
        (
            "BuyFlashSale",
            flash.FLASH_SALE_REJECTION_REASON_SELLER_CANNOT_BID,
            "/v1/flash-sales/f1/purchases",
            {},
        ),
    ],
    ids=["bid", "buy-now", "flash-sale-purchase"],
)
def test_a_seller_buying_their_own_listing_is_a_200_rejection_the_app_shows(
    method: str, reason: int, path: str, body: dict[str, int] | None
) -> None:
    answer = post(rejected_for(method, reason), path, body)
    assert answer.status_code == 200
    assert answer.json()["status"] == "rejected"
    assert answer.json()["reason"] == "seller_cannot_bid"


# The development token endpoint


def test_a_production_app_neither_serves_nor_documents_the_dev_token_endpoint() -> None:
    with TestClient(edge_app(environment="production")) as client:
        minted = client.post("/v1/dev/tokens", json={"user_id": "mallory", "roles": ["admin"]})
        paths = client.get("/openapi.json").json()["paths"]
    assert minted.status_code == 404
    assert "token" not in minted.json()
    assert not any(path.startswith("/v1/dev") for path in paths)
    assert "/v1/auctions/{auction_id}/bids" in paths  # the rest of the API is there


@pytest.mark.parametrize("environment", ["development", "test"])
def test_a_development_or_test_app_serves_and_documents_the_dev_token_endpoint(
    environment: str,
) -> None:
    with TestClient(edge_app(environment=environment)) as client:
        minted = client.post("/v1/dev/tokens", json={"user_id": "bea"})
        paths = client.get("/openapi.json").json()["paths"]
    assert minted.status_code == 200 and minted.json()["token"]
    assert "/v1/dev/tokens" in paths
