"""Edge API entry point: python -m livebid_edge (binds LIVEBID_EDGE_HTTP, 127.0.0.1:8080)."""

from __future__ import annotations

import uvicorn

from livebid_edge.app import create_app
from livebid_platform import logs, metrics
from livebid_platform.settings import PlatformSettings


class EdgeSettings(PlatformSettings):
    edge_http: str = "127.0.0.1:8080"


def main() -> None:
    settings = EdgeSettings()
    logs.configure("edge", settings.log_level)
    metrics.serve(settings.metrics_bind)
    host, port = settings.edge_http.rsplit(":", 1)
    uvicorn.run(create_app(settings), host=host, port=int(port), log_level="warning")


if __name__ == "__main__":
    main()
