"""Health and readiness: the standard gRPC health service, so Kubernetes' native `grpc:`
probes work. A service reports NOT_SERVING until its state is rebuilt from the log."""

from __future__ import annotations

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc


class Readiness:
    """Flip to serving once startup (topic creation, state rebuild) is done."""

    def __init__(self, server: grpc.aio.Server, service_names: list[str]) -> None:
        self._health = health.aio.HealthServicer()
        self._names = ["", *service_names]
        health_pb2_grpc.add_HealthServicer_to_server(self._health, server)
        self._set(health_pb2.HealthCheckResponse.NOT_SERVING)

    def _set(self, status: int) -> None:
        for name in self._names:
            self._health.set(name, status)  # type: ignore[arg-type]

    def ready(self) -> None:
        self._set(health_pb2.HealthCheckResponse.SERVING)

    def draining(self) -> None:
        self._set(health_pb2.HealthCheckResponse.NOT_SERVING)
