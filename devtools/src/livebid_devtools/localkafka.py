"""Local single-node Apache Kafka (KRaft) broker for development and tests.

No Docker, no tarball: the broker's jars come from Maven Central through
``tools/kafka/pom.xml`` (``fetch``), and the broker runs as a plain background
``java -cp 'libs/*' kafka.Kafka server.properties`` process, listening on
127.0.0.1 only, as one node that is both controller and broker.

Standard library only, so it runs with a bare ``python3`` before any virtual
environment exists::

    python3 devtools/src/livebid_devtools/localkafka.py fetch|start|stop|status|wipe \
        [--home DIR] [--port N]
    python -m livebid_devtools.localkafka start      # same, once installed

``start`` prints the bootstrap address on stdout (status lines go to stderr),
so ``BOOTSTRAP=$(python3 .../localkafka.py start)`` works. From Python::

    with LocalKafka(tmp_path / "kafka", port=free_port()) as bootstrap:
        ...  # a fresh, empty broker at `bootstrap`; stopped on exit

A broker started from Python belongs to the process that started it: it is stopped at
that process's exit and, on Linux, killed if that process dies without stopping it
(SIGKILL, a second Ctrl-C). Only the CLI's ``start`` leaves one running on purpose.

Layout of a home directory (default ``<repo>/.local/kafka``)::

    server.properties  log4j2.properties  kafka.pid
    data/   the KRaft metadata log and topic partitions (``wipe`` deletes it)
    logs/   server.out: the broker's console output, appended on every start

The jars live in ``<repo>/.local/kafka/libs`` and are shared by every home,
so a test that starts a second broker in a temp dir downloads nothing.
"""

from __future__ import annotations

import argparse
import atexit
import base64
import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

__all__ = [
    "DEFAULT_PORT",
    "LocalKafka",
    "LocalKafkaError",
    "default_home",
    "die_with_parent",
    "find_repo_root",
    "free_port",
    "ignoring_interrupts",
    "interrupt_once",
    "main",
    "ping",
]

DEFAULT_PORT = 19092
HOST = "127.0.0.1"  # never 0.0.0.0: a dev/test broker has no business on the network
# The super user of a broker started with `sasl_users` (test only: loopback, throwaway).
ADMIN = ("admin", "admin-secret")
MIN_JAVA = 17  # Kafka 4.x brokers are compiled for Java 17 (class file 61)
POM_RELATIVE = Path("tools/kafka/pom.xml")

# Sizing for a 2-core, shared test machine: see Kafka's own bin/kafka-server-start.sh
# and kafka-run-class.sh (G1 and its pause/occupancy settings are theirs); the heap is
# smaller than their 1 GiB fixed heap so several brokers fit side by side.
JVM_OPTS = (
    "-Xms256m",
    "-Xmx1g",
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:InitiatingHeapOccupancyPercent=35",
    "-XX:+ExplicitGCInvokesConcurrent",
    # A broker out of heap should die (and fail the test) rather than limp along.
    "-XX:+ExitOnOutOfMemoryError",
    "-Djava.awt.headless=true",
)

# Broker settings for tests. Everything else is Kafka's default.
BROKER_SETTINGS = {
    "num.partitions": "3",
    # Single node: internal topics cannot have more replicas than brokers.
    "offsets.topic.replication.factor": "1",
    "transaction.state.log.replication.factor": "1",
    "transaction.state.log.min.isr": "1",
    "share.coordinator.state.topic.replication.factor": "1",
    "share.coordinator.state.topic.min.isr": "1",
    # Defaults are 50 partitions each; creating them on a 2-core box slows the first
    # consumer group join / transaction, and one broker gains nothing from more.
    "offsets.topic.num.partitions": "1",
    "transaction.state.log.num.partitions": "1",
    # The default 3 s delay before the first rebalance only slows tests down.
    "group.initial.rebalance.delay.ms": "0",
    # Topics are created explicitly by the services; a typo must not create one.
    "auto.create.topics.enable": "false",
    # Transaction verification (KIP-890) answers a transactional produce that races its
    # AddPartitionsToTxn with NOT_ENOUGH_REPLICAS for pre-KIP-890 clients, and aiokafka does
    # send them concurrently: every transaction then waits out produce retries (measured:
    # ~35 transactions/s with it on). See docs/operations.md for production clusters.
    "transaction.partition.verification.enable": "false",
    # A transaction a killed writer left open is aborted by its timeout (10 s for the write
    # sides), but only when this check next runs (default every 10 s): a new owner of the
    # partition waits for it before rebuilding (Processor.rebuild).
    "transaction.abort.timed.out.transaction.cleanup.interval.ms": "1000",
    # The log cleaner allocates this buffer up front (default 128 MiB of heap).
    "log.cleaner.dedupe.buffer.size": str(32 * 1024 * 1024),
}

# Feature levels fixed when the storage is formatted. Share groups (KIP-932) are on by
# default from Kafka 4.2; Livebid does not use them, so their coordinator stays idle.
FORMAT_FEATURES = ("share.version=0",)

LOG4J2_PROPERTIES = """\
# Generated by localkafka.py. Everything goes to the console, which start()
# redirects to logs/server.out.
status = warn
# Log4j's own shutdown hook would stop logging while Kafka's shutdown hook is still
# running, losing the end of every shutdown; console output needs no final flush.
shutdownHook = disable
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
# Per-request logging, as in Kafka's own config/log4j2.yaml.
logger.request.name = kafka.request.logger
logger.request.level = WARN
"""


class LocalKafkaError(RuntimeError):
    """A local broker could not be fetched, started or stopped; the message says why."""


# --------------------------------------------------------------------------- helpers


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def find_repo_root(start: Path | None = None) -> Path:
    """Return the nearest directory at or above ``start`` holding tools/kafka/pom.xml.

    Without ``start``, looks above this file first (editable install or a plain
    checkout), then above the current directory (installed elsewhere).
    """
    starts = [start] if start is not None else [Path(__file__).resolve().parent, Path.cwd()]
    for base in starts:
        for directory in (base, *base.parents):
            if (directory / POM_RELATIVE).is_file():
                return directory
    raise LocalKafkaError(
        f"cannot find the Livebid repo: no {POM_RELATIVE} above "
        + " or ".join(str(s) for s in starts)
        + "; run from inside the repo or pass an explicit home"
    )


def default_home() -> Path:
    """Return ``<repo>/.local/kafka`` (git-ignored), the CLI's and the API's default home."""
    return find_repo_root() / ".local" / "kafka"


def ping(bootstrap: str, timeout_s: float = 2.0) -> bool:
    """Return True if a Kafka broker at ``host:port`` answers an ApiVersions request.

    A bare TCP connect is not enough: the JVM can accept connections before the
    broker serves requests. This sends ApiVersions v0 (which every broker must
    answer, since clients use it to discover versions) and checks error_code 0.
    """
    host, _, port = bootstrap.rpartition(":")
    client_id = b"localkafka"
    # Request header v1: api_key=18 (ApiVersions), api_version=0, correlation_id, client_id.
    header = struct.pack(">hhih", 18, 0, 7, len(client_id)) + client_id
    try:
        with socket.create_connection((host, int(port)), timeout=timeout_s) as sock:
            sock.sendall(struct.pack(">i", len(header)) + header)
            (size,) = struct.unpack(">i", _recv_exactly(sock, 4))
            body = _recv_exactly(sock, size)
        correlation_id, error_code = struct.unpack(">ih", body[:6])
    except (OSError, struct.error):
        return False
    return bool(correlation_id == 7 and error_code == 0)


def _recv_exactly(sock: socket.socket, n: int) -> bytes:
    """Read exactly ``n`` bytes or raise ConnectionError."""
    chunks = bytearray()
    while len(chunks) < n:
        chunk = sock.recv(n - len(chunks))
        if not chunk:
            raise ConnectionError("connection closed mid-response")
        chunks += chunk
    return bytes(chunks)


def _port_is_free(port: int) -> bool:
    """Return True if nothing listens on 127.0.0.1:port.

    SO_REUSEADDR mirrors what the JVM sets on its server sockets, so a port that
    only has TIME_WAIT leftovers from a previous broker still counts as free.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
        return True


def _new_cluster_id() -> str:
    """Return a random Kafka cluster id (base64url of 16 bytes, unpadded).

    Same rule as Kafka's Uuid.randomUuid(): never start with '-', since the id
    is passed on a command line (`--cluster-id -x...` reads as an option).
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


def _find_java() -> str:
    """Return the java executable ($JAVA_HOME first, then PATH), checked to be 17+."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).is_file():
        where = f"$JAVA_HOME/bin/java ({java_home})" if java_home else "`java` on PATH"
        raise LocalKafkaError(
            f"Java {MIN_JAVA}+ is needed to run the Kafka broker, but {where} was not found "
            "(install e.g. openjdk-17-jre-headless, or set JAVA_HOME)"
        )
    major = _java_major_version(java)
    if major < MIN_JAVA:
        raise LocalKafkaError(
            f"Kafka 4.x needs Java {MIN_JAVA}+, but {java} is Java {major} "
            "(point JAVA_HOME at a newer JDK)"
        )
    return java


def _java_major_version(java: str) -> int:
    """Parse the major version from `java -version` ("1.8.0_x" -> 8, "17.0.15" -> 17)."""
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        raise LocalKafkaError(f"cannot tell the Java version of {java}: {out.stderr.strip()}")
    first, second = int(match.group(1)), int(match.group(2) or 0)
    return second if first == 1 else first


def _pid_alive(pid: int) -> bool:
    """Return True if ``pid`` is a live process (zombies count as dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    try:
        # Field 3 of /proc/PID/stat is the state; the command name before it is in
        # parentheses and may contain spaces, hence the split on the last ')'.
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc (macOS): trust kill(0)


def _reap(pid: int) -> None:
    """Collect ``pid``'s exit status if it is our child, so it does not stay a zombie."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (so parallel fetches don't collide)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def die_with_parent() -> list[str]:
    """A command prefix that has the child killed when this process dies (Linux).

    `setpriv --pdeathsig` asks the kernel to SIGKILL the child when its parent goes, and
    execs the command: no Python runs in the forked child. (A ``preexec_fn`` would, and it
    forces a plain fork, which in a process that has used gRPC runs gRPC's fork handlers
    in the child: a child that then dies at once with "epoll_wait error: Bad file
    descriptor".) The kernel signals the child when the *thread* that forked it exits, so
    the prefix is only given on the main thread, which lives as long as the process;
    elsewhere, off Linux or without setpriv it is empty and the caller's own clean-up has
    to do.
    """
    if not sys.platform.startswith("linux"):
        return []
    if threading.current_thread() is not threading.main_thread():
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--"] if setpriv else []


def interrupt_once() -> None:
    """Make the first SIGINT raise KeyboardInterrupt and ignore every later one.

    For a command that owns processes: its first Ctrl-C starts the clean-up, and the
    copy that ``uv run`` forwards (or an impatient second Ctrl-C) cannot cut it short.
    Call it on the main thread.
    """

    def first(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, first)


@contextlib.contextmanager
def ignoring_interrupts() -> Iterator[None]:
    """Ignore SIGINT while cleaning up, so a second Ctrl-C cannot cut a stop short.

    ``uv run`` forwards the terminal's Ctrl-C to its child, which then gets it twice.
    Only the main thread can change signal handlers; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _say(message: str) -> None:
    """Print a status line to stderr (stdout is kept for the bootstrap address)."""
    print(f"localkafka: {message}", file=sys.stderr, flush=True)


def _kafka_version(pom: Path) -> str:
    """Return the `kafka.version` property of tools/kafka/pom.xml."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    node = ET.parse(pom).getroot().find("m:properties/m:kafka.version", ns)
    if node is None or not (node.text or "").strip():
        raise LocalKafkaError(f"{pom} has no <kafka.version> property")
    return (node.text or "").strip()


def _tail_lines(path: Path, start_offset: int = 0, tail: int = 30, errors: int = 8) -> str:
    """Return the first ERROR lines and the last lines of ``path`` after ``start_offset``.

    Kafka logs a fatal startup error, then dozens of shutdown lines, so the
    tail alone often scrolls the cause away: show both.
    """
    try:
        with path.open("rb") as handle:
            handle.seek(start_offset)
            lines = handle.read().decode(errors="replace").splitlines()
    except OSError:
        return f"(no log at {path})"
    # " ERROR " is log4j's level column, "[ERROR]" Maven's, "Error:" the JVM launcher's.
    error_lines = [ln for ln in lines if "ERROR" in ln or ln.startswith("Error")][:errors]
    parts = []
    if error_lines:
        parts += ["--- first errors ---", *error_lines]
    parts += [f"--- last {tail} lines of {path} ---", *lines[-tail:]]
    return "\n".join(parts)


# --------------------------------------------------------------------------- broker


class LocalKafka:
    """One local KRaft broker+controller, living in its own home directory.

    Several can run side by side with different homes and ports. The broker runs in
    its own session, so a Ctrl-C at the terminal reaches only its owner, which stops
    it in order; ``stop()`` finds it again through ``home/kafka.pid``. Unless
    ``detached``, it is stopped when the owner exits and killed if the owner dies.
    """

    def __init__(
        self,
        home: Path | None = None,
        port: int = DEFAULT_PORT,
        controller_port: int | None = None,
        *,
        libs_dir: Path | None = None,
        verbose: bool = True,
        detached: bool = False,
        sasl_users: dict[str, str] | None = None,
    ) -> None:
        """Describe a broker; nothing is touched until fetch()/start().

        home: its directory (default ``<repo>/.local/kafka``).
        port: client listener on 127.0.0.1.
        controller_port: KRaft controller listener; None picks a free one at start().
        libs_dir: the jars (default ``<repo>/.local/kafka/libs``, shared by all homes;
            ``home/libs`` when the repo cannot be found).
        verbose: print status lines to stderr.
        detached: let the broker outlive this process (the CLI's ``start``).
        sasl_users: user -> password: clients must log in (SASL PLAIN) and Kafka's ACL
            authorizer decides what each may do, as in production; ``ADMIN`` may do all.
        """
        self.home = Path(home) if home is not None else default_home()
        self.port = port
        self.controller_port = controller_port
        self.libs_dir = Path(libs_dir) if libs_dir is not None else self._default_libs_dir()
        self.verbose = verbose
        self.detached = detached
        self.sasl_users = sasl_users
        self.data_dir = self.home / "data"
        self.logs_dir = self.home / "logs"
        self.server_log = self.logs_dir / "server.out"
        self.properties_file = self.home / "server.properties"
        self.log4j_file = self.home / "log4j2.properties"
        self.pid_file = self.home / "kafka.pid"
        self._proc: subprocess.Popen[bytes] | None = None

    def __repr__(self) -> str:
        return f"LocalKafka(home={str(self.home)!r}, port={self.port})"

    @property
    def bootstrap(self) -> str:
        """The client bootstrap address, ``127.0.0.1:<port>``."""
        return f"{HOST}:{self.port}"

    # ------------------------------------------------------------------ jars

    def fetch(self, force: bool = False) -> Path:
        """Download the broker's jars into ``libs_dir`` unless already there; return it.

        Idempotent: skipped when the marker file ``libs_dir/VERSION`` matches the
        current tools/kafka/pom.xml (version and checksum). Needs ``mvn`` only
        when it actually downloads.
        """
        try:
            pom = find_repo_root() / POM_RELATIVE
        except LocalKafkaError:
            if self._has_jars():
                return self.libs_dir  # installed outside the repo; trust what is there
            raise
        marker = self._marker_text(pom)
        if not force and self._marker_matches(marker):
            return self.libs_dir
        with _file_lock(self.libs_dir.parent / ".fetch.lock"):
            # Another process may have fetched while we waited for the lock.
            if not force and self._marker_matches(marker):
                return self.libs_dir
            self._fetch_locked(pom, marker)
        return self.libs_dir

    def _fetch_locked(self, pom: Path, marker: str) -> None:
        """Run Maven into a temp dir, then swap it in, so a failed fetch leaves no half libs."""
        mvn = shutil.which("mvn")
        if mvn is None:
            raise LocalKafkaError(
                "Maven (`mvn`) is needed once, to download Kafka's jars from Maven Central "
                "(install e.g. the `maven` package); nothing was downloaded"
            )
        staging = self.libs_dir.with_name(f".{self.libs_dir.name}.staging-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        fetch_log = self.libs_dir.parent / "fetch.log"
        self._info(
            f"fetching Apache Kafka {_kafka_version(pom)} jars from Maven Central into "
            f"{self.libs_dir} (about 45 MB on a cold Maven cache; log: {fetch_log})"
        )
        started = time.monotonic()
        cmd = [
            mvn, "-B", "-Dstyle.color=never", "-f", str(pom),
            "dependency:copy-dependencies", f"-DoutputDirectory={staging}",
        ]  # fmt: skip
        try:
            self._run_maven(cmd, fetch_log, started)
            jars = sorted(staging.glob("*.jar"))
            if not jars:
                raise LocalKafkaError(f"Maven copied no jars; see {fetch_log}")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        size_mb = sum(j.stat().st_size for j in jars) / 1e6
        (staging / "VERSION").write_text(marker)
        self._swap_in(staging)
        self._info(
            f"fetched {len(jars)} jars ({size_mb:.0f} MB) in {time.monotonic() - started:.0f} s"
        )

    def _run_maven(self, cmd: list[str], fetch_log: Path, started: float) -> None:
        """Run Maven with its output in ``fetch_log``, printing a progress line every 5 s."""
        downloads, last_report = 0, started
        with fetch_log.open("w") as log:
            proc = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, text=True,
            )  # fmt: skip
            assert proc.stdout is not None
            for line in proc.stdout:
                log.write(line)
                if "Downloaded from" in line:  # "[INFO] Downloaded from central: ..."
                    downloads += 1
                if time.monotonic() - last_report >= 5:
                    last_report = time.monotonic()
                    self._info(f"  ... {last_report - started:.0f} s, {downloads} files downloaded")
            returncode = proc.wait()
        if returncode != 0:
            raise LocalKafkaError(
                f"Maven failed (exit {returncode}): {' '.join(cmd)}\n"
                + _tail_lines(fetch_log, tail=25, errors=10)
            )

    def _swap_in(self, staging: Path) -> None:
        """Replace ``libs_dir`` by ``staging`` (renames, so readers never see a mix)."""
        old = self.libs_dir.with_name(f".{self.libs_dir.name}.old-{os.getpid()}")
        if self.libs_dir.exists():
            self.libs_dir.rename(old)
        staging.rename(self.libs_dir)
        shutil.rmtree(old, ignore_errors=True)

    def _marker_text(self, pom: Path) -> str:
        """What ``libs_dir/VERSION`` must say for these jars to match ``pom``."""
        digest = hashlib.sha256(pom.read_bytes()).hexdigest()
        return f"kafka_2.13 {_kafka_version(pom)}\npom-sha256 {digest}\n"

    def _marker_matches(self, marker: str) -> bool:
        try:
            return (self.libs_dir / "VERSION").read_text() == marker and self._has_jars()
        except OSError:
            return False

    def _has_jars(self) -> bool:
        return any(self.libs_dir.glob("kafka_2.13-*.jar"))

    def _default_libs_dir(self) -> Path:
        try:
            return default_home() / "libs"
        except LocalKafkaError:
            return self.home / "libs"

    # ------------------------------------------------------------------ lifecycle

    def start(self, timeout_s: float = 90.0) -> str:
        """Start the broker in the background and wait until it serves requests.

        Fetches the jars if needed and formats ``data/`` with a fresh cluster id
        on first use (later starts reuse the data). Returns the bootstrap address.
        If this home's broker already runs, returns its address without restarting.
        """
        if self.is_running():
            running = self._configured_bootstrap() or self.bootstrap
            self._info(f"already running (pid {self.pid()}) at {running}")
            return running
        java = _find_java()
        self.fetch()
        self._clear_stale_pid_file()
        if self.controller_port is None:
            self.controller_port = free_port()
        self._check_ports()
        self._write_config()
        if not (self.data_dir / "meta.properties").exists():
            self._format(java)
        log_offset = self._launch(java)
        self._wait_until_ready(timeout_s, log_offset)
        return self.bootstrap

    def stop(self, timeout_s: float = 30.0) -> bool:
        """Stop the broker: SIGTERM (clean shutdown), then SIGKILL after ``timeout_s``.

        Returns True if a broker was running. The pid file is removed either way.
        Idempotent, and deaf to Ctrl-C while it works (see ``ignoring_interrupts``).
        """
        with ignoring_interrupts():
            atexit.unregister(self._stop_at_exit)
            pid = self.pid()
            if pid is None and self._proc is not None and self._proc.poll() is None:
                pid = self._proc.pid  # interrupted between launch and the pid file
            if pid is None:
                self.pid_file.unlink(missing_ok=True)
                self._proc = None
                return False
            self._info(f"stopping broker pid {pid}")
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            if not self._wait_for_exit(pid, timeout_s):
                self._info(f"pid {pid} ignored SIGTERM for {timeout_s:.0f} s; sending SIGKILL")
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                self._wait_for_exit(pid, 10.0)
            self.pid_file.unlink(missing_ok=True)
            self._proc = None
            return True

    def _stop_at_exit(self) -> None:
        self.stop(timeout_s=10.0)

    def is_running(self) -> bool:
        """Return True if this home's broker process is alive."""
        return self.pid() is not None

    def pid(self) -> int | None:
        """Return the broker's pid from ``kafka.pid`` if that process is alive and ours."""
        if self._proc is not None:
            self._proc.poll()  # reap our own child if it died, so it is not a zombie
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if not _pid_alive(pid) or not self._is_our_broker(pid):
            return None
        return pid

    def wipe(self) -> None:
        """Delete ``data/`` (all topics and the cluster id); the next start formats anew."""
        if self.is_running():
            raise LocalKafkaError(f"broker in {self.home} is running; stop it before wiping")
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> str:
        """Start a broker on an empty data dir and return its bootstrap address."""
        self.wipe()
        try:
            return self.start()
        except BaseException:  # a Ctrl-C mid-start: __exit__ will not run
            self.stop()
            raise

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ start() steps

    def _check_ports(self) -> None:
        """Fail early, and clearly, if a listener port is taken."""
        if self.port == self.controller_port:
            raise LocalKafkaError(f"port and controller port are both {self.port}")
        for name, port in (("port", self.port), ("controller port", self.controller_port)):
            assert port is not None
            if not _port_is_free(port):
                raise LocalKafkaError(
                    f"{name} {HOST}:{port} is already in use (another broker? try "
                    "`localkafka.py status --home DIR`, or choose another --port)"
                )

    def _write_config(self) -> None:
        """(Re)write server.properties and log4j2.properties for the current ports."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        settings = {
            # One process is both the KRaft controller and the broker.
            "process.roles": "broker,controller",
            "node.id": "1",
            # A static voter set (not --standalone's dynamic quorum): the voters come
            # from this file on every start, so a new controller port just works.
            "controller.quorum.voters": f"1@{HOST}:{self.controller_port}",
            "listeners": (
                f"PLAINTEXT://{HOST}:{self.port},CONTROLLER://{HOST}:{self.controller_port}"
            ),
            "advertised.listeners": f"PLAINTEXT://{HOST}:{self.port}",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "log.dirs": str(self.data_dir),
            **BROKER_SETTINGS,
            **(self._sasl_settings() if self.sasl_users is not None else {}),
        }
        lines = ["# Generated by localkafka.py on every start; edits are overwritten."]
        lines += [f"{key}={value}" for key, value in settings.items()]
        self.properties_file.write_text("\n".join(lines) + "\n")
        self.log4j_file.write_text(LOG4J2_PROPERTIES)

    def _sasl_settings(self) -> dict[str, str]:
        """Clients log in; the ACL authorizer decides. The controller listener stays
        plaintext on loopback, so its anonymous principal (the broker itself) is a super
        user, as is ADMIN."""
        users = {ADMIN[0]: ADMIN[1], **(self.sasl_users or {})}
        logins = " ".join(f'user_{user}="{password}"' for user, password in users.items())
        return {
            "listeners": (
                f"SASL_PLAINTEXT://{HOST}:{self.port},CONTROLLER://{HOST}:{self.controller_port}"
            ),
            "advertised.listeners": f"SASL_PLAINTEXT://{HOST}:{self.port}",
            "listener.security.protocol.map": "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name": "SASL_PLAINTEXT",
            "sasl.enabled.mechanisms": "PLAIN",
            "sasl.mechanism.inter.broker.protocol": "PLAIN",
            "listener.name.sasl_plaintext.plain.sasl.jaas.config": (
                "org.apache.kafka.common.security.plain.PlainLoginModule required "
                f'username="{ADMIN[0]}" password="{ADMIN[1]}" {logins};'
            ),
            "authorizer.class.name": "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
            "super.users": f"User:{ADMIN[0]};User:ANONYMOUS",
        }

    def create_acls(self, bindings: list[tuple[str, str, str, str, str]]) -> None:
        """Allow (principal, resource type, pattern type, name, operation) bindings, with
        Kafka's enum names, as ADMIN (tools/kafka/CreateAcls.java, one Admin call)."""
        admin_config = self.home / "admin.properties"
        admin_config.write_text(
            f"bootstrap.servers={self.bootstrap}\n"
            "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
            "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule "
            f'required username="{ADMIN[0]}" password="{ADMIN[1]}";\n'
        )
        source = find_repo_root() / "tools/kafka/CreateAcls.java"
        lines = "".join(" ".join(binding) + "\n" for binding in bindings)
        done = subprocess.run(
            [_find_java(), "-cp", f"{self.libs_dir}/*", str(source), str(admin_config)],
            input=lines, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise LocalKafkaError(f"creating ACLs failed:\n{done.stderr.strip()[-2000:]}")
        self._info(done.stdout.strip())

    def _java_cmd(self, java: str, main_class: str, *args: str) -> list[str]:
        """The java command line for one of Kafka's main classes."""
        return [
            java,
            *JVM_OPTS,
            f"-Dlog4j2.configurationFile={self.log4j_file}",
            f"-Dkafka.logs.dir={self.logs_dir}",
            "-cp",
            f"{self.libs_dir}/*",  # the JVM expands the wildcard itself (any jar order)
            main_class,
            *args,
        ]

    def _format(self, java: str) -> None:
        """Format ``data/`` as a new single-node cluster (kafka-storage.sh format)."""
        cluster_id = _new_cluster_id()
        self._info(f"formatting {self.data_dir} (cluster id {cluster_id})")
        feature_args = [arg for feat in FORMAT_FEATURES for arg in ("--feature", feat)]
        cmd = self._java_cmd(
            java, "kafka.tools.StorageTool", "format",
            "--config", str(self.properties_file), "--cluster-id", cluster_id, *feature_args,
        )  # fmt: skip
        out = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=self.home)
        if out.returncode != 0:
            raise LocalKafkaError(
                f"formatting {self.data_dir} failed (exit {out.returncode}):\n"
                + (out.stdout + out.stderr).strip()
            )

    def _launch(self, java: str) -> int:
        """Start the broker JVM detached; return the log offset where its output begins."""
        cmd = self._java_cmd(java, "kafka.Kafka", str(self.properties_file))
        with self.server_log.open("ab") as log:
            log.write(f"\n===== localkafka start {time.strftime('%F %T')} =====\n".encode())
            log.flush()
            offset = log.tell()
            self._info(f"starting broker at {self.bootstrap} (log: {self.server_log})")
            # start_new_session: the broker must not get the terminal's Ctrl-C/SIGHUP (its
            # owner stops it after the services that use it), and a detached one must
            # survive the CLI that started it; an owned one dies with its owner.
            owned = [] if self.detached else die_with_parent()
            self._proc = subprocess.Popen(
                [*owned, *cmd], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=self.home, start_new_session=True,
            )  # fmt: skip
        if not self.detached:
            atexit.register(self._stop_at_exit)
        self.pid_file.write_text(f"{self._proc.pid}\n")
        return offset

    def _wait_until_ready(self, timeout_s: float, log_offset: int) -> None:
        """Wait until the broker answers ApiVersions; on death or timeout raise with its log."""
        assert self._proc is not None
        started = time.monotonic()
        while not ping(self.bootstrap, timeout_s=1.0):
            returncode = self._proc.poll()
            if returncode is not None:
                self.pid_file.unlink(missing_ok=True)
                raise LocalKafkaError(
                    f"broker exited with code {returncode} while starting\n"
                    + _tail_lines(self.server_log, log_offset)
                )
            if time.monotonic() - started > timeout_s:
                excerpt = _tail_lines(self.server_log, log_offset)
                self.stop()
                raise LocalKafkaError(
                    f"broker not ready after {timeout_s:g} s; stopped it\n{excerpt}"
                )
            time.sleep(0.2)
        self._info(f"broker ready at {self.bootstrap} in {time.monotonic() - started:.1f} s")

    # ------------------------------------------------------------------ process bookkeeping

    def _wait_for_exit(self, pid: int, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for ``pid`` to exit, reaping it if it is our child."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.pid == pid:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._proc.wait(timeout=0.2)
                    return True
            else:
                _reap(pid)
                if not _pid_alive(pid):
                    return True
                time.sleep(0.2)
        return False

    def _is_our_broker(self, pid: int) -> bool:
        """Guard against pid reuse: the process must be kafka.Kafka on our properties file."""
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return True  # no /proc (macOS): trust the pid file
        return b"kafka.Kafka" in args and str(self.properties_file).encode() in args

    def _clear_stale_pid_file(self) -> None:
        if self.pid_file.exists() and self.pid() is None:
            self.pid_file.unlink(missing_ok=True)

    def _configured_bootstrap(self) -> str | None:
        """The client listener written in server.properties (what a running broker uses)."""
        try:
            text = self.properties_file.read_text()
        except OSError:
            return None
        match = re.search(r"^advertised\.listeners=PLAINTEXT://(\S+)$", text, re.MULTILINE)
        return match.group(1) if match else None

    def _info(self, message: str) -> None:
        if self.verbose:
            _say(message)


# --------------------------------------------------------------------------- CLI


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="localkafka",
        description="Local single-node KRaft Kafka broker for Livebid development and tests.",
    )
    parser.add_argument(
        "command",
        choices=["fetch", "start", "stop", "status", "wipe"],
        help="fetch jars | start in the background (prints the bootstrap address) | "
        "stop | status (exit 0 running, 3 stopped) | wipe data (broker must be stopped)",
    )
    parser.add_argument("--home", type=Path, help="broker directory (default <repo>/.local/kafka)")
    parser.add_argument("--port", type=int, help=f"client port on {HOST} (default {DEFAULT_PORT})")
    parser.add_argument("--controller-port", type=int, help="controller port (default: any free)")
    parser.add_argument("--timeout", type=float, default=90.0, help="start timeout, seconds")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit code."""
    args = _parse_args(argv)
    kafka = LocalKafka(args.home, args.port or DEFAULT_PORT, args.controller_port, detached=True)
    try:
        if args.command == "fetch":
            kafka.fetch()
            _say(f"jars ready in {kafka.libs_dir}")
        elif args.command == "start":
            print(kafka.start(timeout_s=args.timeout), flush=True)
        elif args.command == "stop":
            if not kafka.stop():
                _say(f"no broker running in {kafka.home}")
        elif args.command == "status":
            return _status(kafka)
        elif args.command == "wipe":
            kafka.wipe()
            _say(f"deleted {kafka.data_dir}")
    except LocalKafkaError as err:
        print(f"localkafka: error: {err}", file=sys.stderr)
        return 1
    return 0


def _status(kafka: LocalKafka) -> int:
    pid = kafka.pid()
    if pid is None:
        print(f"stopped (home {kafka.home})")
        return 3  # LSB `status` code for "not running"
    bootstrap = kafka._configured_bootstrap() or kafka.bootstrap
    answers = "answering" if ping(bootstrap) else "NOT answering"
    print(f"running: pid {pid}, {bootstrap} ({answers}), home {kafka.home}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
