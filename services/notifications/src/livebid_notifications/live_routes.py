"""HTTP and WebSocket endpoints of the live show feed, the page that watches a show, and
the front page that links to every show's."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, HTTPException, WebSocket
from fastapi.responses import HTMLResponse

from livebid_notifications.feed import LiveFeed
from livebid_notifications.page import index_page
from livebid_notifications.page import show_page as watch_page
from livebid_notifications.views import STARTING, ShowState
from livebid_notifications.websocket import push_until_disconnected

TRY_AGAIN_LATER = 1013  # WebSocket close code: the service is still rebuilding


def live_routes(
    feed: LiveFeed, is_ready: Callable[[], bool], clock: Callable[[], int], edge_url: str
) -> APIRouter:
    """`edge_url`: where the watch page's browser reaches the edge API to bid and buy."""
    router = APIRouter()
    page = watch_page(edge_url)

    @router.websocket("/v1/shows/{show_id}/live")
    async def watch_show(ws: WebSocket, show_id: str) -> None:
        """The show's state on connect, then again on every change viewers can see."""
        await ws.accept()
        if not is_ready():
            await ws.close(TRY_AGAIN_LATER, "starting")
            return

        async def push() -> None:
            sent = -1
            with feed.changes.watch(show_id) as changed:
                while True:
                    changed.clear()
                    if feed.seq(show_id) != sent:
                        message = feed.snapshot(show_id, clock())
                        await ws.send_json(message)
                        sent = message["seq"]
                    await changed.wait()

        with feed.viewing(show_id):
            await push_until_disconnected(ws, push(), "live")

    @router.get("/v1/shows/{show_id}/state", responses=STARTING)
    async def show_state(show_id: str) -> ShowState:
        """The same message as the WebSocket's, for clients that cannot hold one."""
        if not is_ready():
            raise HTTPException(503, "starting")
        return ShowState.model_validate(feed.snapshot(show_id, clock()))

    @router.get("/", response_class=HTMLResponse)
    async def front_page() -> str:
        """Links to the live page of every show the feed knows, live ones first."""
        return index_page(feed.shows())

    @router.get("/shows/{show_id}", response_class=HTMLResponse)
    async def show_page(show_id: str) -> str:
        """A page to watch a show and, signed in, bid, buy or enter (it reads the show id
        from its own URL)."""
        return page

    return router
