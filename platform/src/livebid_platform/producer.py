"""Producers that write the log: acks=all and idempotence on (aiokafka's defaults are weaker)."""

from __future__ import annotations

from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.structs import RecordMetadata

from livebid_platform.envelope import Envelope, to_headers
from livebid_platform.kafka_auth import client_config


def durable_producer(bootstrap: str, **overrides: Any) -> AIOKafkaProducer:
    """A producer whose acknowledged writes survive a broker failover and are never doubled."""
    config: dict[str, Any] = {
        **client_config(bootstrap),
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 0,
        "request_timeout_ms": 30_000,
    }
    config.update(overrides)
    return AIOKafkaProducer(**config)


async def publish(producer: AIOKafkaProducer, topic: str, env: Envelope) -> RecordMetadata:
    """Append one event and wait until the broker has it on every in-sync replica."""
    return await producer.send_and_wait(
        topic, env.message.SerializeToString(), key=env.key, headers=to_headers(env)
    )
