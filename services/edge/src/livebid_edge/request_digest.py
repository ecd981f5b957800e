"""The digest of a client request that carries an Idempotency-Key, sent to the services
with every call the request makes, so a key reused for another request is answered 422
instead of silently getting the first request's answer (the IETF Idempotency-Key draft).

The digest covers the method, the path and the body (as parsed JSON, so whitespace and key
order do not count); the services keep it with the decision the key got.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import grpc

from livebid_platform.grpc_server import REQUEST_DIGEST_KEY, with_metadata

current_digest: ContextVar[str] = ContextVar("request_digest", default="")


def digest(method: str, path: str, body: bytes) -> str:
    try:
        canonical = json.dumps(json.loads(body or b"null"), sort_keys=True, separators=(",", ":"))
    except ValueError:  # not JSON: the route refuses it anyway; the raw bytes still identify it
        canonical = body.decode("latin-1")
    return hashlib.sha256(f"{method} {path}\n{canonical}".encode()).hexdigest()


class SendRequestDigest(grpc.aio.UnaryUnaryClientInterceptor):  # type: ignore[misc]
    """Adds the current request's digest to the metadata of every unary call."""

    async def intercept_unary_unary(
        self,
        continuation: Callable[[grpc.aio.ClientCallDetails, Any], Any],
        client_call_details: grpc.aio.ClientCallDetails,
        request: Any,
    ) -> Any:
        if value := current_digest.get():
            client_call_details = with_metadata(client_call_details, [(REQUEST_DIGEST_KEY, value)])
        return await continuation(client_call_details, request)
