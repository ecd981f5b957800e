"""A new owner of a partition rebuilds only once no transaction is open on it (real broker):
the records of a transaction still open, or committed but not yet readable, must be in the
state before any command is decided again."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from livebid_platform.consumer import wait_for_open_transactions
from livebid_platform.producer import durable_producer
from livebid_platform.topics import TopicSpec, ensure_topics

pytestmark = pytest.mark.integration


async def test_waits_while_a_transaction_is_open_and_returns_once_it_ends(
    kafka_bootstrap: str,
) -> None:
    topic = TopicSpec(f"settle-{uuid.uuid4().hex[:8]}.v1", partitions=2)
    await ensure_topics(kafka_bootstrap, (topic,))
    owner = durable_producer(kafka_bootstrap, transactional_id=f"owner-{topic.name}")
    await owner.start()
    try:
        assert await wait_for_open_transactions(kafka_bootstrap, topic.name, [0, 1], 0.5)
        await owner.begin_transaction()
        await owner.send_and_wait(topic.name, b"event", partition=1)
        # Open on partition 1: a new owner of it must wait; partition 0 is settled.
        assert not await wait_for_open_transactions(kafka_bootstrap, topic.name, [1], 0.5)
        assert await wait_for_open_transactions(kafka_bootstrap, topic.name, [0], 0.5)

        async def commit_soon() -> None:
            await asyncio.sleep(0.3)
            await owner.commit_transaction()

        committing = asyncio.create_task(commit_soon())
        assert await wait_for_open_transactions(kafka_bootstrap, topic.name, [0, 1], 10)
        await committing
    finally:
        await owner.stop()
