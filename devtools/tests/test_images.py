"""The Dockerfile has one target per workload the manifests deploy, each starting the same
entry point, as a non-root user, with a health check; the health check itself works."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from livebid_devtools.localkafka import free_port
from livebid_platform.healthcheck import main as healthcheck

ROOT = Path(__file__).resolve().parents[2]


def dockerfile_targets() -> dict[str, list[str]]:
    """Each stage's instructions, by stage name (continuation lines joined)."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    stages: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if match := re.match(r"FROM\s+(\S+)(?:\s+AS\s+(\S+))?", line):
            current = stages.setdefault(
                match.group(2) or match.group(1), [f"BASE {match.group(1)}"]
            )
        elif line.strip() and not line.lstrip().startswith("#"):
            current.append(line.strip())
    return stages


def manifest_commands() -> dict[str, list[str]]:
    commands = {}
    for path in sorted((ROOT / "deploy/k8s/base").glob("*.yaml")):
        for obj in yaml.safe_load_all(path.read_text()):
            if obj and obj.get("kind") in ("Deployment", "StatefulSet") and "spec" in obj:
                container = obj["spec"]["template"]["spec"]["containers"][0]
                commands[obj["metadata"]["name"]] = container["command"]
    return commands


def test_every_workload_has_a_target_with_its_entry_point_and_a_health_check() -> None:
    stages = dockerfile_targets()
    commands = manifest_commands()
    assert len(commands) == 6, commands
    for workload, command in commands.items():
        assert workload in stages, f"no Dockerfile target for {workload}"
        stage = stages[workload]
        assert stage[0] == "BASE runtime", f"{workload} is not built on the runtime stage"
        cmd = [json.loads(i[4:]) for i in stage if i.startswith("CMD ")]
        assert cmd == [command], f"{workload}: Dockerfile {cmd} vs manifest {command}"
        assert any(i.startswith("HEALTHCHECK ") for i in stage), f"{workload}: no HEALTHCHECK"
    runtime = stages["runtime"]
    assert "USER 10001:10001" in runtime  # every target inherits a non-root user
    assert not any(i.startswith("RUN pip") or "uv" in i.split()[:2] for i in runtime[1:])


def test_the_health_check_fails_when_nothing_answers() -> None:
    port = free_port()
    assert healthcheck(["grpc", f"127.0.0.1:{port}"]) == 1
    assert healthcheck(["http", f"127.0.0.1:{port}/healthz"]) == 1
    assert healthcheck(["tcp", "x"]) == 2
