"""Running a server-push WebSocket until the client leaves."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any

from fastapi import WebSocket, WebSocketDisconnect

from livebid_platform import metrics


async def push_until_disconnected(
    ws: WebSocket, pusher: Coroutine[Any, Any, None], feed: str
) -> None:
    """Run `pusher` while reading the socket, so a client that leaves stops it at once;
    counted in livebid_websocket_connections{feed} meanwhile."""
    with metrics.WEBSOCKETS.labels(feed).track_inprogress():
        await _push(ws, pusher)


async def _push(ws: WebSocket, pusher: Coroutine[Any, Any, None]) -> None:

    async def drain() -> None:
        # Clients have nothing to say; reading is how a disconnect is noticed while idle.
        while (await ws.receive())["type"] != "websocket.disconnect":
            pass

    tasks = [asyncio.create_task(drain()), asyncio.create_task(pusher)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect):
            await task
    for task in done:
        with contextlib.suppress(WebSocketDisconnect):
            task.result()
