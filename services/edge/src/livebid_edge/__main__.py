"""Edge API entry point: python -m livebid_edge (binds LIVEBID_EDGE_HTTP, 127.0.0.1:8080).

On SIGTERM it stops taking connections, lets requests in flight finish (2 s at most: a
bid's answer takes milliseconds), and exits 0, within Kubernetes' 30 s grace period."""

from __future__ import annotations

import asyncio

from livebid_edge.app import DEV_ENVIRONMENTS, create_app
from livebid_platform import runtime
from livebid_platform.http_server import serve_until_stopped
from livebid_platform.settings import PlatformSettings


class EdgeSettings(PlatformSettings):
    edge_http: str = "127.0.0.1:8080"
    notifications_http: str = "127.0.0.1:8081"
    # Web origins whose pages may call this API from a browser (the watch page's). Empty:
    # in development, the notifications service's own origin; elsewhere, none.
    cors_origins: list[str] = []

    def allowed_origins(self) -> list[str]:
        if self.cors_origins or self.environment not in DEV_ENVIRONMENTS:
            return self.cors_origins
        return [f"http://{self.notifications_http}"]


def main() -> None:
    settings = EdgeSettings()

    async def serve(stop: asyncio.Event) -> None:
        app = create_app(settings, cors_origins=settings.allowed_origins())
        await serve_until_stopped(app, settings.edge_http, stop)

    runtime.run("edge", serve, settings.log_level)


if __name__ == "__main__":
    main()
