"""Health and readiness: the standard gRPC health service, so Kubernetes' native `grpc:`
probes work. A service reports NOT_SERVING until its state is rebuilt from the log and it
calls `ready()`."""

from __future__ import annotations

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc


class Readiness:
    """Flip to serving once startup (topic creation, state rebuild) is done."""

    def __init__(self, server: grpc.aio.Server, service_names: list[str]) -> None:
        self._health = health.aio.HealthServicer()
        self._names = ["", *service_names]
        health_pb2_grpc.add_HealthServicer_to_server(self._health, server)

    async def _set(self, status: int) -> None:
        for name in self._names:
            await self._health.set(name, status)

    async def ready(self) -> None:
        await self._set(health_pb2.HealthCheckResponse.SERVING)

    async def draining(self) -> None:
        await self._set(health_pb2.HealthCheckResponse.NOT_SERVING)
