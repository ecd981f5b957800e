"""Integration tests for the local KRaft broker tooling (livebid_devtools.localkafka).

They start real brokers (Java 17+, and Maven on the first run to fetch the jars
into <repo>/.local/kafka/libs), each in a temp home on free ports, so they never
touch a developer's own broker on 19092.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from livebid_devtools.localkafka import LocalKafka, free_port, ping

pytestmark = pytest.mark.integration


def _cluster_id(kafka: LocalKafka) -> str:
    text = (kafka.data_dir / "meta.properties").read_text()
    return next(
        line.split("=", 1)[1] for line in text.splitlines() if line.startswith("cluster.id=")
    )


def test_broker_on_free_ports_accepts_connections_and_stops(tmp_path: Path) -> None:
    kafka = LocalKafka(tmp_path / "kafka", port=free_port(), controller_port=free_port())

    with kafka as bootstrap:
        assert bootstrap == f"127.0.0.1:{kafka.port}"
        assert kafka.is_running()
        assert kafka.pid_file.exists()
        with socket.create_connection(("127.0.0.1", kafka.port), timeout=5):
            pass
        assert ping(bootstrap)  # a real Kafka protocol answer, not just an open port

    assert not kafka.is_running()
    assert not kafka.pid_file.exists()
    assert not ping(bootstrap, timeout_s=1.0)


async def test_data_survives_restart_and_a_second_home_starts_empty(tmp_path: Path) -> None:
    first = LocalKafka(tmp_path / "first", port=free_port())
    bootstrap = first.start()
    try:
        cluster_id = _cluster_id(first)
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            await admin.create_topics([NewTopic("lk.test", num_partitions=3, replication_factor=1)])
        finally:
            await admin.close()
        producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=True
        )
        await producer.start()
        try:
            await producer.send_and_wait("lk.test", b"kept", key=b"k")
        finally:
            await producer.stop()

        assert first.stop()
        first.controller_port = None  # restart on another controller port: must not matter
        assert first.start() == bootstrap
        assert _cluster_id(first) == cluster_id
        assert await _consume_one(bootstrap, "lk.test") == (b"k", b"kept")

        # A second, fresh broker beside the first (as a replay test would start).
        second = LocalKafka(tmp_path / "second", port=free_port())
        with second as other:
            assert other != bootstrap and ping(other)
            assert _cluster_id(second) != cluster_id
        assert first.is_running()
    finally:
        first.stop()


async def _consume_one(bootstrap: str, topic: str) -> tuple[bytes | None, bytes | None]:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id="lk-test", auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        record = await consumer.getone()
    finally:
        await consumer.stop()
    return record.key, record.value
