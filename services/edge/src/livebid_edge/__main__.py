"""Edge API entry point: python -m livebid_edge (binds LIVEBID_EDGE_HTTP, 127.0.0.1:8080).

On SIGTERM it stops taking connections, lets requests in flight finish (2 s at most: a
bid's answer takes milliseconds), and exits 0, within Kubernetes' 30 s grace period."""

from __future__ import annotations

import asyncio

from livebid_edge.app import create_app
from livebid_platform import runtime
from livebid_platform.http_server import http_server
from livebid_platform.settings import PlatformSettings


class EdgeSettings(PlatformSettings):
    edge_http: str = "127.0.0.1:8080"


def main() -> None:
    settings = EdgeSettings()

    async def serve(stop: asyncio.Event) -> None:
        server = http_server(create_app(settings), settings.edge_http)
        serving = asyncio.create_task(server.serve())
        waiting = asyncio.create_task(stop.wait())
        await asyncio.wait([serving, waiting], return_when=asyncio.FIRST_COMPLETED)
        server.should_exit = True
        waiting.cancel()
        await serving  # re-raises if the server failed on its own (a port taken)

    runtime.run("edge", serve, settings.log_level)


if __name__ == "__main__":
    main()
