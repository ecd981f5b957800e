"""An HTTP (ASGI) server run inside a service's own event loop, stopped by `runtime.run`.

uvicorn's own runner installs SIGTERM/SIGINT handlers and, after a graceful stop,
re-raises the signal, so the process ends "killed by SIGTERM" however cleanly it stopped.
Here the service owns the signals: `stop` is set, the caller sets `should_exit`, open
requests get `timeout_graceful_shutdown` to finish, and the process exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any

import uvicorn


class _InLoopServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield  # runtime.run owns SIGTERM/SIGINT for the process


def http_server(app: Any, address: str, grace_s: int = 2) -> uvicorn.Server:
    """A uvicorn server for `app` on host:port; `await server.serve()`, then set
    `server.should_exit = True` to stop it."""
    host, _, port = address.rpartition(":")
    config = uvicorn.Config(
        app, host=host, port=int(port), log_level="warning", timeout_graceful_shutdown=grace_s
    )
    return _InLoopServer(config)


async def serve_until_stopped(app: Any, address: str, stop: asyncio.Event) -> None:
    """Serve `app` until `stop` is set (SIGTERM through `runtime.run`), then stop taking
    connections and let requests in flight finish; re-raises if the server fails itself."""
    server = http_server(app, address)
    serving = asyncio.create_task(server.serve())
    waiting = asyncio.create_task(stop.wait())
    await asyncio.wait([serving, waiting], return_when=asyncio.FIRST_COMPLETED)
    server.should_exit = True
    waiting.cancel()
    await serving
