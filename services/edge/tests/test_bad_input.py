"""Bad input is refused at the edge with a 4xx and a reason: never a 500, never a service call,
and never an answer that repeats a huge input back.

Each test reproduces one case from the outside tester's report (issue "Hardened")."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from edge_fakes import bearer, busy_services, edge_app
from fastapi.testclient import TestClient

from livebid_edge.clients import Clients

SELLER = bearer("sam", "seller", "buyer", "admin")


def send(
    method: str,
    path: str,
    body: Any = None,
    *,
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
    clients: Clients | None = None,
) -> httpx.Response:
    """One request by a user with every role (a body as JSON, or `raw` bytes sent as JSON)."""
    sent = {**SELLER, **(headers or {})}
    if raw is not None:
        sent["Content-Type"] = "application/json"
    app = edge_app(clients or busy_services())
    with TestClient(app, raise_server_exceptions=False) as client:
        return client.request(method, path, json=body, content=raw, headers=sent)


def errors(answer: httpx.Response) -> list[dict[str, Any]]:
    """The invalid fields a 422 lists."""
    assert answer.status_code == 422, answer.text[:500]
    detail: list[dict[str, Any]] = answer.json()["detail"]
    return detail


# A 422 answer


def test_a_422_echoes_only_a_64_character_prefix_of_a_huge_value() -> None:
    answer = send("POST", "/v1/shows", {"title": "x" * 60_000})
    (error,) = errors(answer)
    assert error["loc"] == ["body", "title"]
    assert error["input"] == "x" * 64 + "..."
    assert len(answer.content) < 1_000


def test_a_422_leaves_out_an_echo_of_a_whole_body() -> None:
    answer = send("POST", "/v1/shows", {"stream_url": "rtmp://x", "padding": ["y" * 100] * 500})
    (error,) = errors(answer)
    assert (error["type"], error["loc"]) == ("missing", ["body", "title"])
    assert "input" not in error
    assert len(answer.content) < 1_000


@pytest.mark.parametrize("number", ["1e400", "-1e400", "NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize(
    ("path", "field"), [("/v1/auctions/a1/bids", "amount_cents"), ("/v1/shows", "title")]
)
def test_a_number_json_cannot_carry_is_a_422_not_a_500(number: str, path: str, field: str) -> None:
    answer = send("POST", path, raw=f'{{"title": "t", "{field}": {number}}}'.encode())
    (error,) = errors(answer)
    assert error["loc"] == ["body", field]
    assert error["input"] in ("inf", "-inf", "nan")
