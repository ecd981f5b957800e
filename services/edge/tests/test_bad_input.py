"""Bad input is refused at the edge with a 4xx and a reason: never a 500, never a service call,
and never an answer that repeats a huge input back.

Each test reproduces one case from the outside tester's report (issue "Hardened")."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import httpx
import pytest
from edge_fakes import CannedService, bearer, busy_services, edge_app
from fastapi.testclient import TestClient

from livebid_edge.clients import Clients

SELLER = bearer("sam", "seller", "buyer", "admin")


def send(
    method: str,
    path: str,
    body: Any = None,
    *,
    raw: bytes | Iterable[bytes] | None = None,
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


def untouched(clients: Clients) -> bool:
    """No fake service received a request."""
    fakes = [clients.catalog, clients.bidding, clients.orders, clients.notifications]
    return not any(fake.requests for fake in fakes if isinstance(fake, CannedService))


# Size of a body

TOO_LARGE = {"detail": "the request body is over the limit of 64 KB"}


def test_a_body_over_64_kb_is_refused_with_413() -> None:
    clients = busy_services()
    answer = send("POST", "/v1/shows", {"title": "t", "pad": "x" * 65_536}, clients=clients)
    assert (answer.status_code, answer.json()) == (413, TOO_LARGE)
    assert untouched(clients)


def test_a_body_of_exactly_64_kb_is_read() -> None:
    raw = b'{"title": "t", "pad": "' + b"x" * (65_536 - 25) + b'"}'
    assert len(raw) == 65_536
    assert send("POST", "/v1/shows", raw=raw).status_code == 201


def test_a_content_length_over_64_kb_is_refused_before_a_route_without_a_body_runs() -> None:
    clients = busy_services()
    answer = send("POST", "/v1/shows/s1/start", raw=b"x" * 70_000, clients=clients)
    assert (answer.status_code, answer.json()) == (413, TOO_LARGE)
    assert untouched(clients)  # the show did not start


def test_a_chunked_body_over_64_kb_is_refused_with_413() -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"title": "t", "pad": "'
        yield from [b"x" * 1024] * 100
        yield b'"}'

    answer = send("POST", "/v1/shows", raw=chunks())
    assert (answer.status_code, answer.json()) == (413, TOO_LARGE)


def test_a_body_longer_than_its_content_length_is_cut_off_after_64_kb() -> None:
    read = 0

    async def megabyte() -> AsyncIterator[bytes]:
        nonlocal read
        for _ in range(1024):
            read += 1
            yield b"x" * 1024

    async def lie() -> httpx.Response:
        app = edge_app()
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://edge") as http,
        ):
            headers = {**SELLER, "Content-Length": "10", "Content-Type": "application/json"}
            return await http.post("/v1/shows", content=megabyte(), headers=headers)

    answer = asyncio.run(lie())
    assert (answer.status_code, answer.json()) == (413, TOO_LARGE)
    assert read <= 65  # kilobytes taken in before the edge stopped reading


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
