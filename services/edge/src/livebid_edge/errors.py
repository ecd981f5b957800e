"""gRPC failures from the services as HTTP errors with the service's reason, and the one
shape of every error answer (`Problem`), declared for the OpenAPI document.

Registered once on the app, so routes simply await their gRPC calls."""

from __future__ import annotations

from typing import Any

import grpc
from fastapi import Request
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


class Problem(BaseModel):
    """An error answer: what went wrong, in words. (A 422 lists the invalid fields instead.)"""

    detail: str


_DESCRIPTIONS = {
    400: "Invalid request: a missing Idempotency-Key, or refused by the service",
    401: "No bearer token, or an invalid one",
    403: "The caller lacks the role, or does not own the show or listing",
    404: "No such show, listing, auction, sale or giveaway",
    409: "Not now: the show's or the item's state does not allow it",
    429: "Too many requests",
    502: "A service failed unexpectedly",
    503: "A service is unavailable or did not answer in time",
}

# What a route that calls a service may answer besides its success (for the OpenAPI document).
PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description}
    for status, description in _DESCRIPTIONS.items()
}
