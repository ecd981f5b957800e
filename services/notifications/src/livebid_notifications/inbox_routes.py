"""Delivery of personal notifications: WebSocket with resume from a cursor, HTTP fallback."""

# No `from __future__ import annotations`: FastAPI must evaluate the route annotations, and
# they name `current_user`, which exists only inside the factory.
import asyncio
import contextlib
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, WebSocket

from livebid_notifications.auth import TokenVerifier, bearer
from livebid_notifications.domain.inbox import Notification
from livebid_notifications.inbox_store import InboxStore
from livebid_notifications.live_routes import TRY_AGAIN_LATER
from livebid_notifications.views import NO_TOKEN, STARTING, NotificationsPage
from livebid_notifications.websocket import push_until_disconnected

UNAUTHORIZED = 4401  # WebSocket close code mirroring HTTP 401
BATCH = 500


def notification_json(n: Notification) -> dict[str, Any]:
    return {
        "type": "notification",
        "cursor": n.cursor,
        "kind": n.kind.value,
        "user_id": n.user_id,
        "auction_id": n.auction_id,
        "show_id": n.show_id,
        "amount_cents": n.amount_cents,
        "currency": n.currency,
        "text": n.text,
        "at_ms": n.at_ms,
        "source_event_id": n.source_event_id,
        "order_id": n.order_id,
        "bundle_id": n.bundle_id,
    }


def inbox_routes(
    store: InboxStore, verifier: TokenVerifier, is_ready: Callable[[], bool]
) -> APIRouter:
    router = APIRouter()

    def current_user(authorization: Annotated[str | None, Header()] = None) -> str:
        user = verifier.user_id(bearer(authorization))
        if user is None:
            raise HTTPException(
                401, "missing or invalid bearer token", headers={"WWW-Authenticate": "Bearer"}
            )
        if not is_ready():
            raise HTTPException(503, "starting")
        return user

    CurrentUser = Annotated[str, Depends(current_user)]

    @router.websocket("/v1/me/notifications")
    async def stream(ws: WebSocket, token: str | None = None, cursor: int = 0) -> None:
        """Every entry after `cursor`, a `caught_up` marker, then each new entry."""
        await ws.accept()
        user = verifier.user_id(token or bearer(ws.headers.get("authorization")))
        if user is None:
            await ws.close(UNAUTHORIZED, "missing or invalid token")
            return
        if not is_ready():
            await ws.close(TRY_AGAIN_LATER, "starting")
            return

        async def push() -> None:
            last, caught_up = max(cursor, 0), False
            with store.changes.watch(user) as changed:
                while True:
                    changed.clear()
                    batch = store.after(user, last, BATCH)
                    for n in batch:
                        await ws.send_json(notification_json(n))
                        last = n.cursor
                    if batch:
                        continue  # there may be more than one batch waiting
                    if not caught_up:
                        await ws.send_json({"type": "caught_up", "cursor": last})
                        caught_up = True
                    await changed.wait()

        await push_until_disconnected(ws, push(), "inbox")

    @router.get("/v1/me/notifications", responses={**NO_TOKEN, **STARTING})
    async def list_after(
        user: CurrentUser,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=BATCH)] = 100,
        wait_ms: Annotated[int, Query(ge=0, le=30_000)] = 0,
    ) -> NotificationsPage:
        """Entries after `after`; with `wait_ms`, a long poll that returns when one arrives."""
        with store.changes.watch(user) as changed:
            entries = store.after(user, after, limit)
            if not entries and wait_ms:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), wait_ms / 1000)
                entries = store.after(user, after, limit)
        return NotificationsPage.model_validate(
            {
                "notifications": [notification_json(n) for n in entries],
                "cursor": entries[-1].cursor if entries else after,
            }
        )

    return router
