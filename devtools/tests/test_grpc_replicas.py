"""A client of a replicated service dials every replica and goes on when one stops."""

from __future__ import annotations

from grpc_health.v1 import health_pb2, health_pb2_grpc

from livebid_devtools.devstack import client_target
from livebid_devtools.localkafka import free_port
from livebid_platform.grpc_server import client_channel, start_server

SERVICE = "livebid.test.v1.Replicated"


async def test_calls_reach_the_live_replica_when_one_stops() -> None:
    addresses = [f"127.0.0.1:{free_port()}" for _ in range(2)]
    servers = []
    for address in addresses:
        server, readiness = await start_server(address, [SERVICE])
        await server.start()
        await readiness.ready()
        servers.append(server)
    request = health_pb2.HealthCheckRequest(service=SERVICE)
    async with client_channel(client_target("catalog_grpc", addresses)) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        assert (
            await health.Check(request, timeout=5)
        ).status == health_pb2.HealthCheckResponse.SERVING
        await servers[0].stop(grace=None)
        for _ in range(5):  # round robin would pick the dead one every other call
            reply = await health.Check(request, timeout=5, wait_for_ready=True)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
    await servers[1].stop(grace=None)
