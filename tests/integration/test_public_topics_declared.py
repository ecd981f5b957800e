"""What the platform really writes on its public topics is what the catalog declares: every
event type the earlier integration tests produced on the session's broker is declared on
its topic (livebid_platform/topics.py), so the generated catalog misses none."""

from __future__ import annotations

import pytest

from livebid_platform.consumer import read_to_end
from livebid_platform.envelope import header_map
from livebid_platform.topics import ALL_TOPICS, ensure_topics

pytestmark = pytest.mark.integration


async def test_every_event_type_seen_on_a_public_topic_is_declared(kafka_bootstrap: str) -> None:
    await ensure_topics(kafka_bootstrap)
    undeclared: dict[str, set[str]] = {}
    for topic in (t for t in ALL_TOPICS if t.public):
        async for record in read_to_end(kafka_bootstrap, topic.name):
            headers = header_map(record.headers)
            kind = headers.get("ce_type", "")
            if not kind or headers.get("ce_source") == "test":
                continue  # a test's own poison or stray record, written to be dead-lettered
            if kind not in topic.events:
                undeclared.setdefault(topic.name, set()).add(kind)
    assert undeclared == {}, undeclared
