"""A container's own health check (the image's HEALTHCHECK), with nothing but Python:

    python -m livebid_platform.healthcheck grpc 127.0.0.1:50051   # gRPC health: SERVING
    python -m livebid_platform.healthcheck http 127.0.0.1:8080/healthz

Exit 0 when healthy, 1 otherwise. Kubernetes uses its own probes (native grpc / httpGet);
this is for `docker run` and other runtimes that read the image's HEALTHCHECK.
"""

from __future__ import annotations

import sys
import urllib.request

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

TIMEOUT_S = 3


def grpc_serving(address: str) -> bool:
    with grpc.insecure_channel(address) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        try:
            reply = stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT_S)
        except grpc.RpcError:
            return False
    return bool(reply.status == health_pb2.HealthCheckResponse.SERVING)


def http_ok(address: str) -> bool:
    try:
        with urllib.request.urlopen(f"http://{address}", timeout=TIMEOUT_S) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("grpc", "http"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, address = argv
    healthy = grpc_serving(address) if kind == "grpc" else http_ok(address)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
