"""Two local stacks on one machine must never share a port: a taken port fails to bind."""

from __future__ import annotations

import grpc
import pytest

from livebid_devtools.localkafka import free_port
from livebid_platform.grpc_server import start_server


async def test_a_second_grpc_server_cannot_bind_a_port_the_first_holds() -> None:
    address = f"127.0.0.1:{free_port()}"
    first, _ = await start_server(address, ["livebid.test.v1.First"])
    await first.start()
    try:
        with pytest.raises(RuntimeError, match="cannot bind gRPC"):
            await start_server(address, ["livebid.test.v1.Second"])
        # Not even a server with gRPC's defaults (SO_REUSEPORT on) can share it.
        with pytest.raises(RuntimeError):
            grpc.aio.server().add_insecure_port(address)
    finally:
        await first.stop(grace=None)
