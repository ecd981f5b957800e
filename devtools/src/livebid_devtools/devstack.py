"""Run the whole platform on one machine: every service as its own process, on loopback.

Used by the rehearsal command (`make demo`) and by the integration tests, which also use it
to kill and restart one service in the middle of a show.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from livebid_devtools.localkafka import free_port


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    args: tuple[str, ...]
    # How to know it is ready: ("grpc", setting) health check, ("http", setting) GET
    # /healthz, or ("log", text) a line in its log.
    ready: tuple[str, str]


SERVICES = (
    ServiceSpec("catalog", ("-m", "livebid_catalog"), ("grpc", "catalog_grpc")),
    ServiceSpec(
        "bidding-processor", ("-m", "livebid_bidding", "processor"), ("log", "partitions assigned")
    ),
    ServiceSpec("bidding-api", ("-m", "livebid_bidding", "api"), ("grpc", "bidding_grpc")),
    ServiceSpec("orders", ("-m", "livebid_orders"), ("grpc", "orders_grpc")),
    ServiceSpec("notifications", ("-m", "livebid_notifications"), ("grpc", "notifications_grpc")),
    ServiceSpec("edge", ("-m", "livebid_edge"), ("http", "edge_http")),
)


def _grpc_serving(address: str) -> bool:
    with grpc.insecure_channel(address) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=""), timeout=1
            )
        except grpc.RpcError:
            return False
    return bool(reply.status == health_pb2.HealthCheckResponse.SERVING)


def _http_ok(address: str) -> bool:
    try:
        with urllib.request.urlopen(f"http://{address}/healthz", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@dataclass
class DevStack:
    bootstrap: str
    log_dir: Path
    token_secret: str = "rehearsal-secret-not-for-production"
    addresses: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for setting in (
            "catalog_grpc",
            "bidding_grpc",
            "orders_grpc",
            "notifications_grpc",
            "notifications_http",
            "edge_http",
        ):
            self.addresses.setdefault(setting, f"127.0.0.1:{free_port()}")

    @property
    def edge_url(self) -> str:
        return f"http://{self.addresses['edge_http']}"

    @property
    def notifications_url(self) -> str:
        return f"http://{self.addresses['notifications_http']}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({f"LIVEBID_{k.upper()}": v for k, v in self.addresses.items()})
        env["LIVEBID_KAFKA_BOOTSTRAP_SERVERS"] = self.bootstrap
        env["LIVEBID_TOKEN_SECRET"] = self.token_secret
        env.setdefault("LIVEBID_ENVIRONMENT", "development")
        return env

    def start(self, name: str, timeout_s: float = 60.0) -> None:
        """Start one service and wait until it is ready."""
        spec = next(s for s in SERVICES if s.name == name)
        log_path = self.log_dir / f"{name}.log"
        log_start = log_path.stat().st_size if log_path.exists() else 0
        with log_path.open("ab") as log:
            self.processes[name] = subprocess.Popen(
                [sys.executable, *spec.args], env=self.env(), stdout=log, stderr=subprocess.STDOUT
            )
        self._wait_ready(spec, log_path, log_start, timeout_s)

    def _wait_ready(
        self, spec: ServiceSpec, log_path: Path, log_start: int, timeout_s: float
    ) -> None:
        kind, what = spec.ready
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.processes[spec.name].poll() is not None:
                raise RuntimeError(f"{spec.name} exited; see {log_path}:\n{self._tail(log_path)}")
            if kind == "grpc" and _grpc_serving(self.addresses[what]):
                return
            if kind == "http" and _http_ok(self.addresses[what]):
                return
            if kind == "log" and what in log_path.read_text(errors="replace")[log_start:]:
                return
            time.sleep(0.1)
        raise TimeoutError(f"{spec.name} not ready after {timeout_s}s; see {log_path}")

    @staticmethod
    def _tail(path: Path, lines: int = 25) -> str:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def start_all(self, on_ready: object = None) -> None:
        for spec in SERVICES:
            self.start(spec.name)
            if callable(on_ready):
                on_ready(spec.name)

    def kill(self, name: str) -> None:
        """Kill a service abruptly (SIGKILL), as a crash would."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait()

    def stop(self, name: str, timeout_s: float = 10.0) -> None:
        process = self.processes.pop(name)
        process.terminate()
        try:
            process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self) -> None:
        for name in reversed(list(self.processes)):
            self.stop(name)
