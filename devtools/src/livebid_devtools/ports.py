"""Loopback ports of local processes: is one taken, and does a given process hold it.

Two dev stacks on one machine pick ports independently (`free_port` cannot reserve one), so
the dev stack checks who actually listens before it trusts a readiness answer.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

_LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp's `st` column
_TABLES = (Path("/proc/net/tcp"), Path("/proc/net/tcp6"))


def split(address: str) -> tuple[str, int]:
    """host:port to (host, port)."""
    host, _, port = address.rpartition(":")
    return host, int(port)


def port_taken(address: str) -> bool:
    """Whether something listens on host:port now (our servers bind with SO_REUSEADDR too)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(split(address))
        except OSError:
            return True
    return False


def listens(pid: int, address: str) -> bool:
    """Whether process `pid` holds the listening socket on address's port.

    Linux only (procfs); elsewhere it answers True and readiness rests on the health check.
    """
    if not _TABLES[0].exists():
        return True
    port = split(address)[1]
    inodes = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    fd_dir = Path(f"/proc/{pid}/fd")
    try:
        fds = list(fd_dir.iterdir())
    except OSError:  # the process is gone
        return False
    for fd in fds:
        try:
            if os.readlink(fd) in inodes:
                return True
        except OSError:  # closed while we looked
            continue
    return False


def _listening_inodes(port: int) -> set[str]:
    inodes: set[str] = set()
    for table in _TABLES:
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == _LISTEN and int(local.rsplit(":", 1)[1], 16) == port:
                inodes.add(inode)
    return inodes
