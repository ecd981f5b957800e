"""gRPC failures from the services as HTTP errors with the service's reason."""

from __future__ import annotations

import grpc
from fastapi import HTTPException

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


def http_error(error: grpc.aio.AioRpcError) -> HTTPException:
    status = _HTTP_STATUS.get(error.code(), 502)
    return HTTPException(status_code=status, detail=error.details() or error.code().name)
