"""A broker started from Python never outlives its owner: Ctrl-C twice, or SIGKILL.

Each test runs an owner in a child Python process (the shape of the test fixture: a
``with LocalKafka(...)``), signals it, and looks for its broker's java process by the
properties file on its command line. Real brokers on loopback; Linux (``/proc``, prctl).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from livebid_devtools.localkafka import free_port

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc and prctl"),
]

OWNER = """
import sys, time
from pathlib import Path
from livebid_devtools.localkafka import LocalKafka

with LocalKafka(Path(sys.argv[1]), port=int(sys.argv[2])):
    print("owner: broker ready", flush=True)
    time.sleep(600)
"""


def _brokers_of(home: Path) -> list[int]:
    """Pids of live java processes running the broker of ``home``."""
    wanted = str(home / "server.properties").encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if b"kafka.Kafka" in args and wanted in args and state != "Z":
            pids.append(int(entry.name))
    return pids


def _wait_for(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout_s:g} s: {what}")


@pytest.fixture
def owner(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path, Path]]:
    """A child Python process that starts a broker in ``tmp_path/kafka``; its output file."""
    home, log = tmp_path / "kafka", tmp_path / "owner.log"
    with log.open("wb") as out:
        child = subprocess.Popen(
            [sys.executable, "-c", OWNER, str(home), str(free_port())],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        yield child, home, log
    finally:  # whatever the test found, leave nothing behind
        child.kill()
        child.wait()
        for pid in _brokers_of(home):
            os.kill(pid, signal.SIGKILL)


def _says(log: Path, text: str) -> bool:
    return text in log.read_text(errors="replace")


def _interrupt_twice(child: subprocess.Popen[bytes]) -> None:
    child.send_signal(signal.SIGINT)
    time.sleep(0.05)
    child.send_signal(signal.SIGINT)


def test_two_quick_ctrl_c_stop_the_broker_cleanly(
    owner: tuple[subprocess.Popen[bytes], Path, Path],
) -> None:
    child, home, log = owner
    _wait_for(lambda: _says(log, "owner: broker ready"), 120, "the broker started")
    assert len(_brokers_of(home)) == 1

    _interrupt_twice(child)

    child.wait(timeout=60)
    assert _brokers_of(home) == []
    assert _says(log, "stopping broker pid")  # stopped by its owner, not only killed


def test_two_quick_ctrl_c_while_the_broker_starts_stop_it(
    owner: tuple[subprocess.Popen[bytes], Path, Path],
) -> None:
    child, home, log = owner
    _wait_for(lambda: _brokers_of(home) != [], 120, "the broker's java process exists")

    _interrupt_twice(child)

    child.wait(timeout=60)
    assert _brokers_of(home) == []
    assert not _says(log, "owner: broker ready")


def test_a_killed_owner_takes_its_broker_with_it(
    owner: tuple[subprocess.Popen[bytes], Path, Path],
) -> None:
    child, home, log = owner
    _wait_for(lambda: _says(log, "owner: broker ready"), 120, "the broker started")

    child.kill()
    child.wait()

    _wait_for(lambda: _brokers_of(home) == [], 15, "the broker died with its owner")
