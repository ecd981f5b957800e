"""Run the whole platform on one machine: every service as its own process, on loopback.

Used by the rehearsal command (`make demo`) and by the integration tests, which also use it
to kill and restart one service, or one replica of it, in the middle of a show:

    stack = DevStack(bootstrap, log_dir, replicas={"catalog": 2})
    stack.start_all()
    stack.kill("catalog#1")  # replica 1; replica 0 is plain "catalog"

Every process belongs to the Python process that started it: `stop_all()` stops them (a
second Ctrl-C cannot cut it short), and on Linux they are killed if their owner dies first.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from livebid_devtools.localkafka import die_with_parent, free_port, ignoring_interrupts
from livebid_devtools.ports import listens, port_taken

PORT_RETRIES = 3  # a port another stack took between our pick and our bind


@dataclass(frozen=True)
class GrpcReady:
    setting: str
    service: str  # asked for by name, so a server of another service never counts as ready


@dataclass(frozen=True)
class HttpReady:
    setting: str  # GET /healthz answers 200


@dataclass(frozen=True)
class LogReady:
    text: str  # a line in the process's own log


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    args: tuple[str, ...]
    ready: GrpcReady | HttpReady | LogReady
    binds: tuple[str, ...] = ()  # the address settings this process listens on


SERVICES = (
    ServiceSpec(
        "catalog",
        ("-m", "livebid_catalog"),
        GrpcReady("catalog_grpc", "livebid.catalog.v1.CatalogService"),
        ("catalog_grpc",),
    ),
    ServiceSpec(
        "bidding-processor", ("-m", "livebid_bidding", "processor"), LogReady("partitions assigned")
    ),
    ServiceSpec(
        "bidding-api",
        ("-m", "livebid_bidding", "api"),
        GrpcReady("bidding_grpc", "livebid.bidding.v1.BiddingService"),
        ("bidding_grpc",),
    ),
    # A local stand-in for the payment provider (never a real one): orders charges through
    # it, and tests script it per card and count what it charged (see payments_url).
    ServiceSpec(
        "payments-simulator",
        ("-m", "livebid_orders.simulator_http"),
        HttpReady("payments_http"),
        ("payments_http",),
    ),
    ServiceSpec(
        "orders",
        ("-m", "livebid_orders"),
        GrpcReady("orders_grpc", "livebid.orders.v1.OrdersService"),
        ("orders_grpc",),
    ),
    ServiceSpec(
        "notifications",
        ("-m", "livebid_notifications"),
        GrpcReady("notifications_grpc", "livebid.notifications.v1.NotificationsService"),
        ("notifications_grpc", "notifications_http"),
    ),
    ServiceSpec("edge", ("-m", "livebid_edge"), HttpReady("edge_http"), ("edge_http",)),
)
_SPECS = {spec.name: spec for spec in SERVICES}


class PortTaken(RuntimeError):
    """A service exited at start because another process held one of its ports."""


def replica_key(service: str, replica: int = 0) -> str:
    """The process key of a replica: `catalog` for replica 0, `catalog#1` for replica 1."""
    return service if replica == 0 else f"{service}#{replica}"


def parse_key(key: str, replica: int = 0) -> tuple[str, int]:
    """`catalog#1` to ("catalog", 1); a plain name keeps the given replica."""
    service, sep, number = key.partition("#")
    if service not in _SPECS:
        raise KeyError(f"unknown service {service!r}; one of {sorted(_SPECS)}")
    return service, int(number) if sep else replica


def client_target(setting: str, addresses: list[str]) -> str:
    """What a client dials: one address, or every replica as a gRPC multi-address target."""
    if setting.endswith("_grpc") and len(addresses) > 1:
        return "ipv4:" + ",".join(addresses)
    return addresses[0]  # HTTP clients (and single replicas) get replica 0


def _grpc_serving(address: str, service: str) -> bool:
    with grpc.insecure_channel(address) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=service), timeout=1
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


def _check(replicas: dict[str, int]) -> None:
    for name, count in replicas.items():
        if name not in _SPECS or count < 1:  # fail now, not at the service's start
            raise ValueError(f"replicas: {name!r}: {count}; want a service and a count >= 1")


def _env_var(setting: str) -> str:
    return f"LIVEBID_{setting.upper()}"


@dataclass
class DevStack:
    bootstrap: str
    log_dir: Path
    token_secret: str = "rehearsal-secret-not-for-production"
    # Replicas per service (default 1). Every replica's ports are picked up front, so each
    # process starts knowing all replicas of the services it calls.
    replicas: dict[str, int] = field(default_factory=dict)
    # Setting -> what a client dials (see `client_target`); one given here pins replica 0.
    addresses: dict[str, str] = field(default_factory=dict)
    # Setting -> the address each replica listens on, by replica number.
    binds: dict[str, list[str]] = field(default_factory=dict)
    # Process key (`catalog`, `catalog#1`) -> where it serves its Prometheus metrics.
    metrics_binds: dict[str, str] = field(default_factory=dict)
    # Service -> extra environment of its processes (each one's Kafka user, for example).
    service_env: dict[str, dict[str, str]] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    # The client targets each running process was started with, to spot stale ones.
    _started_with: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        _check(self.replicas)
        for spec in SERVICES:
            self._allocate(spec)

    def _allocate(self, spec: ServiceSpec) -> None:
        count = self.replica_count(spec.name)
        for setting in spec.binds:
            kept = self.binds.get(setting) or (
                [self.addresses[setting]] if setting in self.addresses else []
            )
            kept = kept[:count]
            self.binds[setting] = [*kept, *self._fresh(count - len(kept))]
            self.addresses[setting] = client_target(setting, self.binds[setting])

    @staticmethod
    def _fresh(count: int) -> list[str]:
        return [f"127.0.0.1:{free_port()}" for _ in range(count)]

    def replica_count(self, service: str) -> int:
        return self.replicas.get(service, 1)

    @property
    def edge_url(self) -> str:
        return f"http://{self.addresses['edge_http']}"

    @property
    def payments_url(self) -> str:
        """The PaymentProviderSimulator's HTTP API (PUT /v1/script, GET /v1/ledger)."""
        return f"http://{self.addresses['payments_http']}"

    @property
    def notifications_url(self) -> str:
        return f"http://{self.addresses['notifications_http']}"

    def metrics_bind(self, key: str) -> str:
        """Where process `key` serves /metrics (picked once, kept across its restarts)."""
        key = replica_key(*parse_key(key))
        if key not in self.metrics_binds:
            self.metrics_binds[key] = self._fresh(1)[0]
        return self.metrics_binds[key]

    def env(self, key: str | None = None) -> dict[str, str]:
        """The environment of process `key` (`catalog`, `catalog#1`), or of a plain client.

        Every service's client target, then the process's own bind addresses over those of
        the service it runs, and its replica number.
        """
        env = dict(os.environ)
        env.update({_env_var(s): target for s, target in self.addresses.items()})
        if key is not None:
            service, replica = parse_key(key)
            env.update({_env_var(s): self.binds[s][replica] for s in _SPECS[service].binds})
            env["LIVEBID_REPLICA"] = str(replica)
            env.update(self.service_env.get(service, {}))
            env["LIVEBID_METRICS_BIND"] = self.metrics_bind(key)
        env["LIVEBID_KAFKA_BOOTSTRAP_SERVERS"] = self.bootstrap
        env["LIVEBID_TOKEN_SECRET"] = self.token_secret
        env.setdefault("LIVEBID_ENVIRONMENT", "development")
        return env

    def start(self, name: str, replica: int = 0, timeout_s: float = 60.0) -> None:
        """Start a replica (`catalog`, `catalog#1`, or a name and `replica`); wait until ready."""
        service, replica = parse_key(name, replica)
        if replica >= self.replica_count(service):
            raise ValueError(
                f"{service} has {self.replica_count(service)} replica(s); declare "
                f"more with DevStack(replicas={{{service!r}: {replica + 1}}})"
            )
        key, spec = replica_key(service, replica), _SPECS[service]
        for attempt in range(PORT_RETRIES + 1):
            log_path, log_start = self._launch(key)
            try:
                self._wait_ready(key, log_path, log_start, timeout_s)
                break
            except PortTaken:
                if attempt == PORT_RETRIES:
                    raise
                for setting in spec.binds:
                    self.binds[setting][replica] = self._fresh(1)[0]
                    self.addresses[setting] = client_target(setting, self.binds[setting])
        self._restart_stale()

    def _log_path(self, key: str) -> Path:
        return self.log_dir / (key.replace("#", ".") + ".log")  # catalog.log, catalog.1.log

    def _launch(self, key: str) -> tuple[Path, int]:
        service, _ = parse_key(key)
        log_path = self._log_path(key)
        log_start = log_path.stat().st_size if log_path.exists() else 0
        with log_path.open("ab") as log:
            self.processes[key] = subprocess.Popen(
                [*die_with_parent(), sys.executable, *_SPECS[service].args],
                env=self.env(key),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._started_with[key] = dict(self.addresses)
        return log_path, log_start

    def _wait_ready(self, key: str, log_path: Path, log_start: int, timeout_s: float) -> None:
        process = self.processes[key]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                del self.processes[key]
                raise self._exit_error(key, log_path, log_start)
            if self._ready(key, process.pid, log_path, log_start):
                return
            time.sleep(0.1)
        raise TimeoutError(f"{key} not ready after {timeout_s}s; see {log_path}")

    def _ready(self, key: str, pid: int, log_path: Path, log_start: int) -> bool:
        service, replica = parse_key(key)
        ready = _SPECS[service].ready
        if isinstance(ready, LogReady):
            return ready.text in _read_from(log_path, log_start)
        address = self.binds[ready.setting][replica]
        # Whoever answers must be our process: another stack may hold the port we picked.
        if not listens(pid, address):
            return False
        if isinstance(ready, GrpcReady):
            return _grpc_serving(address, ready.service)
        return _http_ok(address)

    def _exit_error(self, key: str, log_path: Path, log_start: int) -> RuntimeError:
        service, replica = parse_key(key)
        output = _read_from(log_path, log_start)
        tail = "\n".join(output.splitlines()[-25:])
        taken = [self.binds[s][replica] for s in _SPECS[service].binds]
        said = any(text in output.lower() for text in ("address already in use", "cannot bind"))
        if said or any(port_taken(address) for address in taken):
            return PortTaken(f"{key}: a port of {taken} is taken; see {log_path}:\n{tail}")
        return RuntimeError(f"{key} exited; see {log_path}:\n{tail}")

    def _restart_stale(self) -> None:
        # A replica moved to a new port: processes started before it dial the old one.
        for key in list(self.processes):
            if self._started_with[key] != self.addresses:
                self.stop(key)
                self.start(key)

    def start_all(
        self,
        on_ready: Callable[[str], object] | None = None,
        replicas: dict[str, int] | None = None,
    ) -> None:
        """Start every replica of every service, in dependency order."""
        if replicas:
            self._declare(replicas)
        for spec in SERVICES:
            for replica in range(self.replica_count(spec.name)):
                key = replica_key(spec.name, replica)
                self.start(key)
                if on_ready is not None:
                    on_ready(key)

    def _declare(self, replicas: dict[str, int]) -> None:
        changed = {s: n for s, n in replicas.items() if n != self.replica_count(s)}
        if changed and self.processes:
            raise ValueError(f"declare replicas {changed} before the first start")
        _check(changed)
        for service, count in changed.items():
            self.replicas[service] = count
            self._allocate(_SPECS[service])

    def serving(self, name: str, replica: int = 0) -> bool:
        """Whether a replica's process runs and answers its readiness check now (a log-ready
        one, the bidding processor, only has to run: it serves no port)."""
        key = replica_key(*parse_key(name, replica))
        process = self.processes.get(key)
        if process is None or process.poll() is not None:
            return False
        if isinstance(_SPECS[parse_key(key)[0]].ready, LogReady):
            return True
        return self._ready(key, process.pid, self._log_path(key), 0)

    def exited(self) -> list[str]:
        """The processes that ended on their own (not stopped or killed through the stack)."""
        return [key for key, process in self.processes.items() if process.poll() is not None]

    def kill(self, name: str, replica: int = 0) -> None:
        """Kill a replica abruptly (SIGKILL), as a crash would."""
        process = self.processes.pop(replica_key(*parse_key(name, replica)))
        process.send_signal(signal.SIGKILL)
        process.wait()

    def stop(self, name: str, replica: int = 0, timeout_s: float = 10.0) -> int:
        """Stop a replica gently (SIGTERM), then hard after `timeout_s`; its exit code
        (negative: the signal that ended it, -9 when it had to be killed)."""
        process = self.processes.pop(replica_key(*parse_key(name, replica)))
        process.terminate()
        try:
            return process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()

    def stop_all(self) -> None:
        """Stop every process, last started first; idempotent and deaf to Ctrl-C meanwhile."""
        with ignoring_interrupts():
            for name in reversed(list(self.processes)):
                self.stop(name)


def _read_from(path: Path, offset: int) -> str:
    with path.open("rb") as log:
        log.seek(offset)
        return log.read().decode(errors="replace")
