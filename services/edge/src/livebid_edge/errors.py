"""gRPC failures from the services as HTTP errors with the service's reason, invalid requests
as short 422 answers, and the one shape of every other error answer (`Problem`), declared for
the OpenAPI document.

Registered once on the app, so routes simply await their gRPC calls."""

from __future__ import annotations

import math
from typing import Any

import grpc
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

_HTTP_STATUS = {
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.UNAUTHENTICATED: 401,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.FAILED_PRECONDITION: 409,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DEADLINE_EXCEEDED: 503,
}


async def grpc_error_handler(request: Request, error: Exception) -> JSONResponse:
    """Answer a failed service call with the matching HTTP status and the service's reason."""
    assert isinstance(error, grpc.aio.AioRpcError)
    status = _HTTP_STATUS.get(error.code(), 502)
    return JSONResponse({"detail": error.details() or error.code().name}, status_code=status)


# How much of an invalid value a 422 repeats: enough to recognise it, never the whole input.
ECHO_CHARS = 64


async def validation_error_handler(request: Request, error: Exception) -> JSONResponse:
    """Answer an invalid request with FastAPI's list of invalid fields, each echoing at most a
    short, printable prefix of what was sent: a 10 MB value or a whole body never comes back,
    and a value JSON cannot carry (NaN, a lone surrogate) is no 500."""
    assert isinstance(error, RequestValidationError)
    if any(e["type"] == "missing" and tuple(e["loc"]) == _MISSING_KEY for e in error.errors()):
        return JSONResponse({"detail": MISSING_KEY_REASON}, status_code=400)
    return JSONResponse({"detail": [_short(e) for e in error.errors()]}, status_code=422)


# A missing Idempotency-Key keeps the 400 it has always had (clients read it), now that the
# header is declared required, so that the OpenAPI document says so.
_MISSING_KEY = ("header", "idempotency-key")
MISSING_KEY_REASON = "the Idempotency-Key header is required for this request"


def _short(error: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": error["type"],
        "loc": [part if isinstance(part, int) else _text(str(part)) for part in error["loc"]],
        "msg": _text(error["msg"], limit=4 * ECHO_CHARS),
    }
    if (echo := _echo(error.get("input"))) is not _LEFT_OUT:
        out["input"] = echo
    if ctx := error.get("ctx"):
        # A validator's exception (in "error") or a bound (in "le") as JSON can carry it.
        out["ctx"] = {key: _echo(value, or_else=_text(str(value))) for key, value in ctx.items()}
    return out


_LEFT_OUT: Any = object()


def _echo(value: Any, or_else: Any = _LEFT_OUT) -> Any:
    """A scalar, short and as JSON can carry it; anything else (a list or an object may be
    the whole body) is `or_else`."""
    if value is None or isinstance(value, bool | str):
        return _text(value) if isinstance(value, str) else value
    if isinstance(value, int):
        return value if value.bit_length() <= 200 else f"an integer of {value.bit_length()} bits"
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    return or_else


def _text(value: str, limit: int = ECHO_CHARS) -> str:
    """At most `limit` characters, with unpaired surrogates written as escapes."""
    cut = value[:limit] + ("..." if len(value) > limit else "")
    return cut.encode("utf-8", "backslashreplace").decode("utf-8")


class Problem(BaseModel):
    """An error answer: what went wrong, in words. (A 422 lists the invalid fields instead.)"""

    detail: str


_DESCRIPTIONS = {
    400: "Invalid request: a missing Idempotency-Key, or refused by the service",
    401: "No bearer token, or an invalid one",
    403: "The caller lacks the role, or does not own the show or listing",
    404: "No such show, listing, auction, sale or giveaway",
    409: "Not now: the show's or the item's state does not allow it",
    413: "The request body is over 64 KB",
    429: "Too many requests",
    502: "A service failed unexpectedly",
    503: "A service is unavailable or did not answer in time",
}

# What a route that calls a service may answer besides its success (for the OpenAPI document).
PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description}
    for status, description in _DESCRIPTIONS.items()
}
