"""The OpenAPI document describes every answer, and every route's answer fits it.

The app is built as __main__ builds it, over hand-written fakes of the services: no network.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from edge_fakes import bearer, busy_services, edge_app
from fastapi.testclient import TestClient
from pydantic import BaseModel

from livebid_edge import views
from livebid_edge.errors import Problem

# Every route, with a body it accepts and the roles it needs (none: no token).
CALLS: list[tuple[str, str, dict[str, Any] | None, tuple[str, ...]]] = [
    ("GET", "/healthz", None, ()),
    ("POST", "/v1/dev/tokens", {"user_id": "bea"}, ()),
    ("POST", "/v1/auctions/a1/bids", {"amount_cents": 1200}, ("buyer",)),
    ("GET", "/v1/auctions/a1", None, ()),
    ("POST", "/v1/auctions/a1/void", {"reason": "counterfeit"}, ("admin",)),
    ("GET", "/v1/me/orders", None, ("buyer",)),
    ("GET", "/v1/shows/s1/orders", None, ("seller",)),
    ("GET", "/v1/me/notifications", None, ("buyer",)),
    ("PUT", "/v1/sellers/sam/followers/me", None, ("buyer",)),
    ("DELETE", "/v1/sellers/sam/followers/me", None, ("buyer",)),
    ("POST", "/v1/shows", {"title": "Vintage night"}, ("seller",)),
    (
        "POST",
        "/v1/shows/s1/listings",
        {"title": "Jacket", "starting_price_cents": 1000},
        ("seller",),
    ),
    ("POST", "/v1/shows/s1/start", None, ("seller",)),
    ("POST", "/v1/shows/s1/end", None, ("seller",)),
    ("GET", "/v1/shows/s1", None, ()),
    ("POST", "/v1/listings/l1/auction", {}, ("seller",)),
    ("POST", "/v1/auctions/a1/buy-now", None, ("buyer",)),
    (
        "POST",
        "/v1/shows/s1/flash-sales",
        {"listing_id": "l1", "price_cents": 900, "quantity": 5},
        ("seller",),
    ),
    ("POST", "/v1/flash-sales/f1/purchases", {}, ("buyer",)),
    ("POST", "/v1/shows/s1/giveaways", {"listing_id": "l1"}, ("seller",)),
    ("POST", "/v1/giveaways/g1/entries", None, ("buyer",)),
    ("GET", "/v1/giveaways/g1", None, ()),
    ("GET", "/v1/bundles/b1", None, ("buyer",)),
    ("POST", "/v1/bundles/b1/payment-retries", {"card_ref": "card:new"}, ("buyer",)),
    ("POST", "/v1/orders/o1/cancellation-requests", {"reason": "too big"}, ("buyer",)),
    ("POST", "/v1/orders/o1/cancellation-answer", {"accept": True}, ("seller",)),
    ("POST", "/v1/orders/o1/cancel", {"reason": "damaged"}, ("seller",)),
    ("POST", "/v1/bundles/b1/shipment", {"carrier": "UPS", "tracking_number": "1Z9"}, ("seller",)),
    ("POST", "/v1/bundles/b1/delivery", None, ("buyer",)),
    (
        "POST",
        "/v1/carrier/deliveries",
        {"bundle_id": "b1", "tracking_number": "1Z999"},
        ("carrier",),
    ),
    ("GET", "/v1/shows/s1/ledger", None, ("admin",)),
]


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    schema: dict[str, Any] = TestClient(edge_app()).get("/openapi.json").json()
    return schema


def operations(openapi: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path, operation


def success_schema(operation: dict[str, Any]) -> dict[str, Any]:
    (status,) = [s for s in operation["responses"] if s.startswith("2")]
    schema: dict[str, Any] = operation["responses"][status]["content"]["application/json"]["schema"]
    return schema


def component(openapi: dict[str, Any], ref: str) -> tuple[str, dict[str, Any]]:
    name = ref.removeprefix("#/components/schemas/")
    return name, openapi["components"]["schemas"][name]


def test_every_route_answers_a_named_model_with_properties(openapi: dict[str, Any]) -> None:
    for method, path, operation in operations(openapi):
        schema = success_schema(operation)
        assert set(schema) == {"$ref"}, f"{method} {path} answers an undescribed {schema}"
        name, model = component(openapi, schema["$ref"])
        assert model.get("properties"), f"{method} {path} answers {name}, which has no fields"


def test_every_error_a_route_declares_is_a_problem_with_a_detail(openapi: dict[str, Any]) -> None:
    for method, path, operation in operations(openapi):
        for status, response in operation["responses"].items():
            if status.startswith("2"):
                continue
            _, model = component(openapi, response["content"]["application/json"]["schema"]["$ref"])
            wanted = "HTTPValidationError" if status == "422" else "Problem"
            assert model["title"] == wanted, f"{method} {path} {status}"
    problem = openapi["components"]["schemas"]["Problem"]
    assert problem["properties"]["detail"]["type"] == "string"


def test_the_calls_above_cover_every_route(openapi: dict[str, Any]) -> None:
    for method, path, _ in operations(openapi):
        assert any(m == method and _matches(path, p) for m, p, *_ in CALLS), f"{method} {path}"


@pytest.mark.parametrize("rejecting", [False, True], ids=["accepting", "rejecting"])
@pytest.mark.parametrize(("method", "path", "body", "roles"), CALLS, ids=[c[1] for c in CALLS])
def test_a_route_answers_json_that_its_declared_model_accepts(
    openapi: dict[str, Any],
    rejecting: bool,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    roles: tuple[str, ...],
) -> None:
    operation = next(op for m, p, op in operations(openapi) if m == method and _matches(p, path))
    name, _ = component(openapi, success_schema(operation)["$ref"])
    model: type[BaseModel] = getattr(views, name)
    with TestClient(edge_app(busy_services(rejecting=rejecting))) as client:
        headers = bearer("sam", *roles) if roles else {}
        answer = client.request(method, path, json=body, headers=headers)
    assert answer.is_success, answer.text
    assert model.model_validate(answer.json()).model_dump(mode="json") == answer.json()


def test_a_problem_is_what_a_refused_caller_gets() -> None:
    with TestClient(edge_app(busy_services())) as client:
        anonymous = client.post("/v1/auctions/a1/bids", json={"amount_cents": 1200})
        buyer_voids = client.post(
            "/v1/auctions/a1/void", json={"reason": "x"}, headers=bearer("bea", "buyer")
        )
    assert anonymous.status_code == 401
    assert Problem.model_validate(anonymous.json()).detail == "a bearer token is required"
    assert buyer_voids.status_code == 403
    assert Problem.model_validate(buyer_voids.json()).detail == "this action needs the 'admin' role"


def _matches(template: str, path: str) -> bool:
    parts, actual = template.split("/"), path.split("/")
    return len(parts) == len(actual) and all(
        t == a or t.startswith("{") for t, a in zip(parts, actual, strict=True)
    )
