"""gRPC failures from the services as HTTP errors with the service's reason.

Registered once on the app, so routes simply await their gRPC calls."""

from __future__ import annotations

import grpc
from fastapi import Request
from fastapi.responses import JSONResponse

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
