"""The FastAPI app, built from its dependencies by `create_app` (no globals)."""

from __future__ import annotations

import time
from collections.abc import Callable

from fastapi import FastAPI, HTTPException

from livebid_notifications.auth import TokenVerifier
from livebid_notifications.feed import LiveFeed
from livebid_notifications.inbox_routes import inbox_routes
from livebid_notifications.inbox_store import InboxStore
from livebid_notifications.live_routes import live_routes
from livebid_notifications.views import STARTING, Health, Ready


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


def create_app(
    feed: LiveFeed,
    store: InboxStore,
    verifier: TokenVerifier,
    is_ready: Callable[[], bool],
    clock: Callable[[], int] = wall_clock_ms,
    edge_url: str = "http://127.0.0.1:8080",
) -> FastAPI:
    """The notifications HTTP/WebSocket app over the given read models."""
    app = FastAPI(title="Livebid notifications")
    app.include_router(live_routes(feed, is_ready, clock, edge_url))
    app.include_router(inbox_routes(store, verifier, is_ready))

    @app.get("/healthz")
    async def healthz() -> Health:
        """Liveness: the process is up."""
        return Health(status="ok")

    @app.get("/readyz", responses=STARTING)
    async def readyz() -> Ready:
        """Readiness: the inbox and the live feed are rebuilt from the log."""
        if not is_ready():
            raise HTTPException(503, "rebuilding")
        return Ready(status="ready")

    return app
