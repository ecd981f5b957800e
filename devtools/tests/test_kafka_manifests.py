"""The production Kafka resources follow the code: generated from the topic and access
declarations, with one writer per topic and every write side's needs granted."""

from __future__ import annotations

import pytest
import yaml

from livebid_bidding.write_side import BIDDING
from livebid_catalog.write_side import CATALOG
from livebid_devtools.kafka_manifests import generated, kafka_user
from livebid_orders.write_side import ORDERS
from livebid_platform.access import ACCESS
from livebid_platform.topics import ALL_TOPICS
from livebid_platform.writeside import WriteSide


def test_the_committed_resources_are_what_the_code_generates() -> None:
    stale = [str(path) for path, text in generated().items() if path.read_text() != text]
    assert not stale, f"run `make gen`: {stale}"


def test_every_topic_has_exactly_one_writer() -> None:
    writers = {t.name: [a.user for a in ACCESS if t in a.writes] for t in ALL_TOPICS}
    # Dead letters are the one shared sink: any consumer may park what it cannot handle.
    shared = {"livebid.deadletter.v1"}
    assert {t: w for t, w in writers.items() if len(w) != 1 and t not in shared} == {}
    assert all(writers[t] for t in shared)


@pytest.mark.parametrize("side", [BIDDING, CATALOG, ORDERS], ids=lambda s: s.name)
def test_a_write_side_may_do_what_its_runtime_does(side: WriteSide) -> None:
    (access,) = [a for a in ACCESS if a.user == side.name]
    writes = {t.name for t in access.writes}
    reads = {t.name for t in access.reads}
    produced = [side.commands, side.private, side.dead_letter]
    produced += [side.public] if side.public is not None else []
    assert {t.name for t in produced} <= writes
    assert {side.commands.name, side.private.name} <= reads
    assert side.group_id in {g.name for g in access.groups}
    assert f"{side.group_id}-".startswith(access.transactional_id_prefix)


def test_a_user_reads_and_writes_only_what_it_is_granted() -> None:
    (notifications,) = [a for a in ACCESS if a.user == "notifications"]
    rules = kafka_user(notifications)["spec"]["authorization"]["acls"]
    ops = {r["resource"]["name"]: set(r["operations"]) for r in rules}
    assert ops["bidding.events.v1"] == {"Describe", "Read"}
    assert ops["bidding.internal.v1"] == {"Describe"}  # max bids: never readable
    assert ops["notifications.inbox.v1"] == {"Describe", "Read", "Write"}


def test_limits_cover_every_consumer_workload_and_match_partitions() -> None:
    limits = {}
    for path, text in generated().items():
        if path.name == "scaling-limits.yaml":
            for patch in yaml.safe_load_all(text):
                limits[patch["metadata"]["name"]] = int(
                    patch["metadata"]["annotations"]["livebid.io/max-replicas"]
                )
    assert limits == {
        "bidding-processor": 6,
        "catalog": 3,  # catalog-relists reads orders.events.v1, 3 partitions
        "orders": 3,  # orders-policy reads catalog.events.v1 (ShowEnded), 3 partitions
        "notifications": 3,  # its group reads catalog.events.v1, which has 3 partitions
    }
