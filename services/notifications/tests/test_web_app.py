"""The FastAPI app in process, over in-memory read models: no broker, no network."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import jwt
import pytest
from fastapi import WebSocketDisconnect
from fastapi.testclient import TestClient
from notifications_builders import AUCTION, LISTING, SHOW, high_bid, started

from livebid_notifications.auth import TokenVerifier
from livebid_notifications.domain import events as e
from livebid_notifications.domain.inbox import Notification, NotificationKind
from livebid_notifications.feed import LiveFeed
from livebid_notifications.inbox_store import InboxStore
from livebid_notifications.web import create_app

SECRET = "test-secret-that-is-at-least-32-bytes-long"
NOW = 1_700_000_000_000
LATER = int(time.time()) + 3600  # expiry is checked against the real clock


def token(sub: str = "ann", secret: str = SECRET, **claims: object) -> str:
    return jwt.encode({"sub": sub, "exp": LATER, **claims}, secret, algorithm="HS256")


BEARER = {"Authorization": f"Bearer {token()}"}


def note(user: str, source: str) -> Notification:
    return Notification(user, NotificationKind.OUTBID, source, AUCTION, SHOW, 1200, "USD", "x", 1)


@dataclass
class Service:
    client: TestClient
    feed: LiveFeed
    store: InboxStore
    ready: list[bool]

    def append(self, n: Notification) -> None:
        """Fold a notification in the app's own event loop, as the log follower does."""
        assert self.client.portal is not None
        self.client.portal.call(self.store.apply, n)

    def show_event(self, event: e.ShowEvent) -> None:
        assert self.client.portal is not None
        self.client.portal.call(self.feed.apply, event)


@pytest.fixture
def svc() -> Iterator[Service]:
    feed, store, ready = LiveFeed(), InboxStore(), [True]
    app = create_app(feed, store, TokenVerifier(SECRET), lambda: ready[0], clock=lambda: NOW)
    with TestClient(app) as client:
        yield Service(client, feed, store, ready)


# Live show feed


def test_a_viewer_gets_the_state_then_every_change(svc: Service) -> None:
    svc.show_event(e.ListingAdded(SHOW, LISTING, "Wool coat"))
    svc.show_event(started(deadline_ms=NOW + 30_000))
    with svc.client.websocket_connect(f"/v1/shows/{SHOW}/live") as ws:
        first = ws.receive_json()
        assert first["type"] == "show_state" and first["now_ms"] == NOW
        assert (first["listing_title"], first["auction_id"], first["auction_status"]) == (
            "Wool coat",
            AUCTION,
            "open",
        )
        assert (first["price_cents"], first["deadline_ms"], first["viewers"]) == (
            1000,
            NOW + 30_000,
            1,
        )
        svc.show_event(high_bid(1, 1100, "bob", deadline_ms=NOW + 35_000))
        second = ws.receive_json()
        assert second["seq"] > first["seq"]
        assert (second["price_cents"], second["leader_id"], second["bid_count"]) == (1100, "bob", 1)
        assert second["deadline_ms"] == NOW + 35_000


def test_viewer_count_changes_are_pushed(svc: Service) -> None:
    with svc.client.websocket_connect(f"/v1/shows/{SHOW}/live") as ws:
        assert ws.receive_json()["viewers"] == 1
        with svc.client.websocket_connect(f"/v1/shows/{SHOW}/live") as other:
            assert other.receive_json()["viewers"] == 2
            assert ws.receive_json()["viewers"] == 2
        assert ws.receive_json()["viewers"] == 1
    assert svc.client.get(f"/v1/shows/{SHOW}/state").json()["viewers"] == 0


def test_the_http_fallback_returns_the_same_state(svc: Service) -> None:
    svc.show_event(e.ShowStarted(SHOW))
    body = svc.client.get(f"/v1/shows/{SHOW}/state").json()
    assert (body["type"], body["show_status"], body["now_ms"], body["viewers"]) == (
        "show_state",
        "live",
        NOW,
        0,
    )
    assert svc.client.get("/v1/shows/nope/state").json()["show_status"] == "unknown"


def test_the_watch_page_is_self_contained(svc: Service) -> None:
    page = svc.client.get(f"/shows/{SHOW}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "new WebSocket(" in page.text and "/live" in page.text
    assert "src=" not in page.text and "href=" not in page.text


def test_the_front_page_links_to_each_known_show_live_ones_first(svc: Service) -> None:
    svc.show_event(e.ShowScheduled("show-0", "sam", "Sunday <sneakers>", ""))
    svc.show_event(e.ShowScheduled(SHOW, "ava", "Friday thrift", ""))
    svc.show_event(e.ShowStarted(SHOW))
    # A show that bidding knows of but the catalog never told of has no page to link to.
    svc.show_event(e.AuctionStarted("show-9", AUCTION, LISTING, 1000, "USD", 60_000))

    page = svc.client.get("/")

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    live, scheduled = page.text.index(f'href="/shows/{SHOW}"'), page.text.index("/shows/show-0")
    assert live < scheduled
    assert "Sunday &lt;sneakers&gt;" in page.text
    assert page.text.count('href="/shows/') == 2
    for link in ("/shows/show-0", f"/shows/{SHOW}"):
        assert svc.client.get(link).status_code == 200


def test_the_front_page_says_when_there_is_no_show(svc: Service) -> None:
    page = svc.client.get("/")
    assert page.status_code == 200 and "No show yet." in page.text


# Personal notifications


def received(ws: object, count: int) -> list[dict[str, object]]:
    return [ws.receive_json() for _ in range(count)]  # type: ignore[attr-defined]


def test_a_client_resumes_after_its_cursor_then_gets_live_ones(svc: Service) -> None:
    for source in ("a", "b", "c"):
        svc.append(note("ann", source))
    svc.append(note("bob", "z"))
    with svc.client.websocket_connect(f"/v1/me/notifications?token={token()}&cursor=1") as ws:
        backlog = received(ws, 3)
        assert [(m["type"], m.get("cursor")) for m in backlog] == [
            ("notification", 2),
            ("notification", 3),
            ("caught_up", 3),
        ]
        assert backlog[0]["source_event_id"] == "b" and backlog[0]["kind"] == "outbid"
        svc.append(note("ann", "d"))
        svc.append(note("ann", "d"))  # a repeat in the log is never delivered
        svc.append(note("ann", "e"))
        assert [m["cursor"] for m in received(ws, 2)] == [4, 5]
    # Reconnecting with the last cursor: nothing twice, then the next new one.
    with svc.client.websocket_connect(f"/v1/me/notifications?token={token()}&cursor=5") as ws:
        assert ws.receive_json() == {"type": "caught_up", "cursor": 5}
        svc.append(note("ann", "f"))
        assert ws.receive_json()["cursor"] == 6


def test_the_token_may_come_in_the_authorization_header(svc: Service) -> None:
    svc.append(note("ann", "a"))
    headers = {"Authorization": f"Bearer {token()}"}
    with svc.client.websocket_connect("/v1/me/notifications", headers=headers) as ws:
        assert ws.receive_json()["cursor"] == 1


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "not-a-jwt",
        token(secret="another-secret-that-is-also-32-bytes-long"),
        token(exp=1),
        jwt.encode({"exp": LATER}, SECRET, algorithm="HS256"),
        jwt.encode({"sub": "ann"}, SECRET, algorithm="HS256"),  # never expires: refused
    ],
)
def test_a_missing_or_invalid_token_is_rejected(svc: Service, bad: str) -> None:
    with svc.client.websocket_connect(f"/v1/me/notifications?token={bad}") as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
        assert closed.value.code == 4401
    response = svc.client.get("/v1/me/notifications", headers={"Authorization": f"Bearer {bad}"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_the_http_fallback_lists_entries_after_a_cursor(svc: Service) -> None:
    for source in ("a", "b", "c"):
        svc.append(note("ann", source))
    headers = {"Authorization": f"Bearer {token()}"}
    body = svc.client.get("/v1/me/notifications?after=1&limit=1", headers=headers).json()
    assert [n["cursor"] for n in body["notifications"]] == [2] and body["cursor"] == 2
    body = svc.client.get("/v1/me/notifications?after=3&wait_ms=10", headers=headers).json()
    assert body == {"notifications": [], "cursor": 3}
    assert svc.client.get("/v1/me/notifications").status_code == 401


def test_nothing_is_served_before_the_rebuild(svc: Service) -> None:
    svc.ready[0] = False
    assert svc.client.get("/healthz").status_code == 200
    assert svc.client.get("/readyz").status_code == 503
    assert svc.client.get(f"/v1/shows/{SHOW}/state").status_code == 503
    with svc.client.websocket_connect(f"/v1/me/notifications?token={token()}") as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
        assert closed.value.code == 1013
    svc.ready[0] = True
    assert svc.client.get("/readyz").json() == {"status": "ready"}


# The OpenAPI document (the fuzz test holds the running service to it)


def test_every_status_a_route_answers_is_documented_with_a_model(svc: Service) -> None:
    # Found by reading what schemathesis could not reach with a valid token on a ready
    # service: the 401 and the 503s were answered but not documented, and every answer was
    # an untyped object.
    svc.ready[0] = False
    answered = {
        ("/readyz", svc.client.get("/readyz").status_code),
        (f"/v1/shows/{SHOW}/state", svc.client.get(f"/v1/shows/{SHOW}/state").status_code),
        ("/v1/me/notifications", svc.client.get("/v1/me/notifications").status_code),
        (
            "/v1/me/notifications",
            svc.client.get("/v1/me/notifications", headers=BEARER).status_code,
        ),
    }
    svc.ready[0] = True
    answered |= {(path, svc.client.get(path, headers=BEARER).status_code) for path, _ in answered}
    paths = svc.client.get("/openapi.json").json()["paths"]
    for path, status in answered:
        documented = paths[path.replace(SHOW, "{show_id}")]["get"]["responses"]
        assert str(status) in documented, (path, status)
        schema = documented[str(status)]["content"]["application/json"]["schema"]
        assert set(schema) == {"$ref"}, (path, status, schema)
    assert answered >= {("/v1/me/notifications", 401), ("/v1/me/notifications", 503)}


def test_the_answers_are_the_websocket_messages(svc: Service) -> None:
    svc.show_event(e.ShowStarted(SHOW))
    svc.append(note("ann", "a"))
    with svc.client.websocket_connect(f"/v1/shows/{SHOW}/live") as ws:
        assert svc.client.get(f"/v1/shows/{SHOW}/state").json() == ws.receive_json()
    with svc.client.websocket_connect(f"/v1/me/notifications?token={token()}") as ws:
        entries = svc.client.get("/v1/me/notifications", headers=BEARER).json()["notifications"]
        assert entries == [ws.receive_json()]
