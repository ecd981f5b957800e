"""Edge API entry point: python -m livebid_edge (binds LIVEBID_EDGE_HTTP, 127.0.0.1:8080)."""

from __future__ import annotations

import uvicorn

from livebid_edge.app import DEV_ENVIRONMENTS, create_app
from livebid_platform import logs
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
    logs.configure("edge", settings.log_level)
    host, port = settings.edge_http.rsplit(":", 1)
    app = create_app(settings, cors_origins=settings.allowed_origins())
    uvicorn.run(app, host=host, port=int(port), log_level="warning")


if __name__ == "__main__":
    main()
