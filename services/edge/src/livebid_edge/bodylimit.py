"""Request bodies over `MAX_BODY_BYTES` are refused with a 413 Problem, and bodies that
stall with a 408: a client that announces a body and then sends it slowly (or never) must
not hold a connection and its memory open.

Two checks, because a client chooses what it declares: a Content-Length over the limit is
refused before any route runs (a route without a body never reads one, so it would
otherwise run and call its service), and the bytes are counted as a route reads them, so a
body sent in chunks, or longer than its Content-Length says, is cut off at the limit
instead of held in memory."""

from __future__ import annotations

import asyncio

from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from livebid_edge.limits import MAX_BODY_BYTES

REASON = f"the request body is over the limit of {MAX_BODY_BYTES // 1024} KB"
# How long the next piece of a body may take to arrive (a phone on a bad network included).
BODY_CHUNK_TIMEOUT_S = 10.0
SLOW = "the request body did not arrive in time"


class BodyLimit:
    """ASGI middleware: a 413 for a declared or counted body over the limit."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _declared_length(scope) > MAX_BODY_BYTES:
            await JSONResponse({"detail": REASON}, status_code=413)(scope, receive, send)
            return
        read = 0
        body_done = False

        async def counted() -> Message:
            nonlocal read, body_done
            if body_done:  # after the body, receive() only waits for a disconnect
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), BODY_CHUNK_TIMEOUT_S)
            except TimeoutError:
                raise HTTPException(408, SLOW) from None
            body_done = message["type"] != "http.request" or not message.get("more_body")
            read += len(message.get("body", b""))
            if read > MAX_BODY_BYTES:
                # Raised inside the route's read of its body; FastAPI answers it as a Problem.
                raise HTTPException(413, REASON)
            return message

        await self.app(scope, counted, send)


def _declared_length(scope: Scope) -> int:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else 0
    return 0
