"""gRPC failures from the services as HTTP errors (with the service's reason when it gave one
for the caller; never a transport's or an exception's text), invalid requests
as short 422 answers, and the one shape of every other error answer (`Problem`), declared for
the OpenAPI document.

Registered once on the app, so routes simply await their gRPC calls."""

from __future__ import annotations

import logging
import math
from typing import Any

import grpc
from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from livebid_platform.grpc_server import KEY_REUSED

# The codes our services answer with a reason meant for the caller; every other code
# (UNKNOWN, INTERNAL, a transport failure) carries text for operators only.
_WITH_REASON = {
    grpc.StatusCode.INVALID_ARGUMENT: (400, "the service refused the request as invalid"),
    grpc.StatusCode.OUT_OF_RANGE: (400, "the service refused a value as out of range"),
    grpc.StatusCode.PERMISSION_DENIED: (403, "the caller may not do this"),
    grpc.StatusCode.NOT_FOUND: (404, "not found"),
    grpc.StatusCode.ALREADY_EXISTS: (409, "it already exists"),
    grpc.StatusCode.FAILED_PRECONDITION: (409, "not now: the current state does not allow it"),
    grpc.StatusCode.RESOURCE_EXHAUSTED: (429, "too many requests; retry later"),
}
# Our services say "no decision yet; retry with the same idempotency key" under UNAVAILABLE:
# a retry with the same key is safe and is what the caller should do.
BUSY = "the service is busy or restarting; retry with the same Idempotency-Key"
_TRANSIENT = {
    grpc.StatusCode.UNAVAILABLE,
    grpc.StatusCode.DEADLINE_EXCEEDED,
    grpc.StatusCode.CANCELLED,
}
FAILED = "a service failed unexpectedly; the failure is logged"
# Text from gRPC core or a service's exception, not a reason: peer addresses, class names, a
# stack, the transport's own limits (which gRPC core reports as RESOURCE_EXHAUSTED).
_DUMP_MARKERS = (
    "ipv4:",
    "ipv6:",
    "unix:",
    "<class '",
    "Traceback",
    "message larger than max",
    "metadata size exceeds",
)

log = logging.getLogger(__name__)


async def grpc_error_handler(request: Request, error: Exception) -> JSONResponse:
    """Answer a failed service call with the matching HTTP status, and the service's reason
    when it gave one for the caller; the raw details go to the log, never to the client."""
    assert isinstance(error, grpc.aio.AioRpcError)
    code, details = error.code(), error.details() or ""
    log.warning("%s %s: gRPC %s: %s", request.method, request.url.path, code.name, details)
    if code == grpc.StatusCode.ABORTED and details == KEY_REUSED:
        return key_reused()
    status, detail = public_answer(code, details)
    return JSONResponse({"detail": detail}, status_code=status)


def key_reused() -> JSONResponse:
    """The IETF Idempotency-Key draft's answer to a key reused with another request: 422,
    in the shape of every other 422 (a list of what is wrong, here the header)."""
    problem = {
        "loc": ["header", "Idempotency-Key"],
        "msg": "this Idempotency-Key was already used for a different request; use a new key",
        "type": "idempotency_key_reused",
    }
    return JSONResponse({"detail": [problem]}, status_code=422)


def public_answer(code: grpc.StatusCode, details: str) -> tuple[int, str]:
    """The HTTP status and the text a client may see for a service's gRPC status."""
    if code in _TRANSIENT:
        return 503, BUSY
    if code not in _WITH_REASON:
        return 502, FAILED
    status, fallback = _WITH_REASON[code]
    if not details or any(marker in details for marker in _DUMP_MARKERS):
        return status, fallback
    return status, details


def not_found_unless_known(reason: str | None, unknown: str, what: str) -> None:
    """Raise a 404 for a decision that its target does not exist (`unknown`, e.g.
    "auction_not_found"): a missing auction is the caller's wrong address, not a rejection
    of a bid. The reason code stays in the text for clients that matched on it."""
    if reason == unknown:
        raise HTTPException(404, f"{unknown}: no such {what}")


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
    400: "Invalid request: a missing Idempotency-Key, a body that is not UTF-8, or refused by "
    "the service",
    401: "No bearer token, or an invalid one",
    403: "The caller lacks the role, or does not own the show or listing",
    404: "No such show, listing, auction, sale or giveaway",
    409: "Not now: the show's or the item's state does not allow it",
    408: "The request body did not arrive in time (a slow or stalled client)",
    413: "The request body is over 64 KB",
    429: "Too many requests",
    502: "A service failed unexpectedly",
    503: "A service is busy or restarting: retry with the same Idempotency-Key",
}

# FastAPI's own answer to a body it cannot even decode (not UTF-8): JSON that does not parse
# is a 422, but this is a 400 "There was an error parsing the body", on any route with a body.
UNREADABLE_BODY: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The body is not UTF-8 text"}
}

# What a route that calls a service may answer besides its success (for the OpenAPI document).
PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description}
    for status, description in _DESCRIPTIONS.items()
}
