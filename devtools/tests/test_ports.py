"""Who holds a port: readiness trusts only an answer from the process it started."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from livebid_devtools.ports import listens, port_taken


def test_only_the_process_holding_the_listener_counts() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        address = f"127.0.0.1:{listener.getsockname()[1]}"
        assert port_taken(address)
        assert listens(os.getpid(), address)
        other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        try:
            assert not listens(other.pid, address)
        finally:
            other.kill()
            other.wait()
    assert not port_taken(address)
