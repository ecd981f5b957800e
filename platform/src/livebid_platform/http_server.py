"""An HTTP (ASGI) server run inside a service's own event loop, stopped by `runtime.run`.

uvicorn's own runner installs SIGTERM/SIGINT handlers and, after a graceful stop,
re-raises the signal, so the process ends "killed by SIGTERM" however cleanly it stopped.
Here the service owns the signals: `stop` is set, the caller sets `should_exit`, open
requests get `timeout_graceful_shutdown` to finish, and the process exits 0.
"""

from __future__ import annotations

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
