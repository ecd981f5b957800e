"""An asyncio gRPC server with the standard health service, bound where the settings say."""

from __future__ import annotations

from collections.abc import Sequence

import grpc

from livebid_platform.health import Readiness
from livebid_platform.tracing import ClientContext, ServerSpans

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
