"""The suite's one source of a Kafka broker, in this order of preference:

1. `KAFKA_BOOTSTRAP_SERVERS`, when set: an existing cluster;
2. testcontainers, when a Docker engine answers;
3. otherwise the project's own single-node KRaft broker (Java 17, jars from Maven Central).

Never a fake: every integration test talks to a real broker.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from livebid_devtools.localkafka import LocalKafka, free_port, ignoring_interrupts

KAFKA_IMAGE = "apache/kafka:4.1.1"


def _docker_answers() -> bool:
    try:
        import docker  # testcontainers depends on it

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if address := os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        yield address
        return
    if _docker_answers():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer(KAFKA_IMAGE).with_kraft() as container:
            yield container.get_bootstrap_server()
        return
    home: Path = tmp_path_factory.mktemp("kafka")
    # Started in the with (stopped even if a Ctrl-C cuts its start short), and killed
    # if pytest dies without tearing down.
    with LocalKafka(home, port=free_port()) as bootstrap:
        yield bootstrap


@pytest.fixture(scope="session")
def fresh_kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A factory for extra, empty brokers (a replay target); stopped at session end."""
    brokers: list[LocalKafka] = []

    def start() -> str:
        broker = LocalKafka(tmp_path_factory.mktemp("kafka-fresh"), port=free_port())
        brokers.append(broker)
        return broker.start()

    try:
        yield start
    finally:
        with ignoring_interrupts():
            for broker in brokers:
                broker.stop()


_FIGURES: list[str] = []


@pytest.fixture(scope="session")
def report() -> object:
    """Record a figure (match counts, sizes) to print in the run's summary, pass or fail."""
    return _FIGURES.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _FIGURES:
        terminalreporter.section("Livebid figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)
