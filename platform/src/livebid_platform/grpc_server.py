"""An asyncio gRPC server with the standard health service, bound where the settings say."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import grpc
from opentelemetry.trace import SpanKind

from livebid_platform import tracing
from livebid_platform.health import Readiness

# gRPC sets SO_REUSEPORT by default, so a second server on a taken port binds silently and
# the kernel splits connections between the two; without it, a taken port fails loudly.
_SERVER_OPTIONS = (("grpc.so_reuseport", 0),)
# Spread calls over every address of a multi-address target (`ipv4:h:p1,h:p2`, one per
# replica) and skip the dead ones; with a single address it behaves as before.
_CLIENT_OPTIONS = (("grpc.lb_policy_name", "round_robin"),)


async def start_server(address: str, service_names: list[str]) -> tuple[grpc.aio.Server, Readiness]:
    """Create and start a server; add servicers before calling `readiness.ready()`."""
    server = grpc.aio.server(options=_SERVER_OPTIONS, interceptors=[ServerSpans()])
    readiness = Readiness(server, service_names)
    await readiness.draining()  # NOT_SERVING until the service has rebuilt its state
    try:
        bound = server.add_insecure_port(address)
    except RuntimeError as err:  # grpcio raises on a taken port; older versions returned 0
        raise RuntimeError(f"cannot bind gRPC on {address}: {err}") from err
    if bound == 0:
        raise RuntimeError(f"cannot bind gRPC on {address}")
    return server, readiness


def client_channel(
    address: str, interceptors: Sequence[grpc.aio.ClientInterceptor] = ()
) -> grpc.aio.Channel:
    """A channel to one address or to every replica of a multi-address target."""
    return grpc.aio.insecure_channel(
        address, options=_CLIENT_OPTIONS, interceptors=[ClientContext(), *interceptors]
    )


def with_metadata(details: Any, pairs: Sequence[tuple[str, str]]) -> Any:
    """A unary call's details with `pairs` added to its metadata (client interceptors)."""
    metadata = grpc.aio.Metadata(*(details.metadata or ()))
    for key, value in pairs:
        metadata.add(key, value)
    return grpc.aio.ClientCallDetails(
        details.method, details.timeout, metadata, details.credentials, details.wait_for_ready
    )


class ServerSpans(grpc.aio.ServerInterceptor):  # type: ignore[misc]
    """A server span per gRPC call, continuing the caller's trace from its metadata."""

    async def intercept_service(self, continuation: Any, details: Any) -> Any:
        handler = await continuation(details)
        if handler is None or handler.unary_unary is None:
            return handler
        inner = handler.unary_unary
        parent = tracing.from_pairs(details.invocation_metadata)
        name = details.method

        async def traced(request: Any, servicer_context: Any) -> Any:
            with tracing.tracer.start_as_current_span(name, parent, kind=SpanKind.SERVER):
                return await inner(request, servicer_context)

        return grpc.unary_unary_rpc_method_handler(
            traced,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )


class ClientContext(grpc.aio.UnaryUnaryClientInterceptor):  # type: ignore[misc]
    """Adds the current trace context to the metadata of every unary call."""

    async def intercept_unary_unary(
        self, continuation: Any, client_call_details: Any, request: Any
    ) -> Any:
        if context := [(key, value.decode()) for key, value in tracing.current_headers()]:
            client_call_details = with_metadata(client_call_details, context)
        return await continuation(client_call_details, request)


# A digest of the client's request, sent by the edge beside an idempotency key, so that a
# service can tell a retry (same key, same request) from a key reused for another request.
REQUEST_DIGEST_KEY = "livebid-request-digest"
# The one answer (gRPC ABORTED) to a key reused for another request; the edge makes it a 422.
KEY_REUSED = "idempotency key reused for a different request"


def request_digest(context: grpc.aio.ServicerContext) -> str:
    """The caller's request digest, or "" when it sent none (an internal caller)."""
    for key, value in context.invocation_metadata() or ():
        if key == REQUEST_DIGEST_KEY:
            return str(value)[:128]
    return ""
