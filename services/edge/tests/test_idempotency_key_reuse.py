"""A key reused for another request is a 422 (the IETF Idempotency-Key draft), never the
first request's answer: the edge sends each request's digest with its service calls, and
the services' write-side gateway compares it with the one the key was decided for."""

from __future__ import annotations

import asyncio

import grpc
from edge_fakes import bearer, busy_services, edge_app, failure
from fastapi.testclient import TestClient

from livebid_edge.request_digest import SendRequestDigest, current_digest, digest
from livebid_platform.grpc_server import KEY_REUSED, REQUEST_DIGEST_KEY


def test_the_digest_ignores_json_spacing_and_key_order_but_not_the_values() -> None:
    one = digest("POST", "/v1/auctions/a1/bids", b'{"amount_cents": 100, "max_amount_cents": 0}')
    same = digest("POST", "/v1/auctions/a1/bids", b'{"max_amount_cents":0,"amount_cents":100}')
    other = digest("POST", "/v1/auctions/a1/bids", b'{"amount_cents": 200, "max_amount_cents": 0}')
    elsewhere = digest(
        "POST", "/v1/auctions/a2/bids", b'{"amount_cents": 100, "max_amount_cents": 0}'
    )
    assert one == same and len({one, other, elsewhere}) == 3


def test_every_service_call_carries_the_requests_digest() -> None:
    seen: list[object] = []

    async def continuation(details: grpc.aio.ClientCallDetails, request: object) -> object:
        seen.append(dict(details.metadata or ()))
        return "reply"

    async def call() -> object:
        current_digest.set("abc")
        details = grpc.aio.ClientCallDetails("/m", None, None, None, None)
        return await SendRequestDigest().intercept_unary_unary(continuation, details, object())

    assert asyncio.run(call()) == "reply"
    assert seen == [{REQUEST_DIGEST_KEY: "abc"}]


def test_a_key_reused_for_another_request_is_a_422_naming_the_header() -> None:
    clients = busy_services()
    clients.bidding.replies["PlaceBid"] = failure(grpc.StatusCode.ABORTED, KEY_REUSED)  # type: ignore[attr-defined]
    headers = bearer("buyer-1", "buyer") | {"Idempotency-Key": "k-1"}
    with TestClient(edge_app(clients)) as client:
        answer = client.post("/v1/auctions/a1/bids", json={"amount_cents": 100}, headers=headers)
    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["header", "Idempotency-Key"]
    assert problem["type"] == "idempotency_key_reused"
