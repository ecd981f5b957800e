"""An asyncio gRPC server with the standard health service, bound where the settings say."""

from __future__ import annotations

import grpc

from livebid_platform.health import Readiness


async def start_server(address: str, service_names: list[str]) -> tuple[grpc.aio.Server, Readiness]:
    """Create and start a server; add servicers before calling `readiness.ready()`."""
    server = grpc.aio.server()
    readiness = Readiness(server, service_names)
    await readiness.draining()  # NOT_SERVING until the service has rebuilt its state
    if server.add_insecure_port(address) == 0:
        raise RuntimeError(f"cannot bind gRPC on {address}")
    return server, readiness


def client_channel(address: str) -> grpc.aio.Channel:
    return grpc.aio.insecure_channel(address)
