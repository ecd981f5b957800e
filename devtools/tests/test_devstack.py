"""The dev stack's addresses and environments: every replica listens on its own port and
every process dials all replicas of the services it calls."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from livebid_devtools.devstack import DevStack, parse_key, replica_key


def test_replica_keys_name_replica_zero_plainly() -> None:
    assert replica_key("catalog") == "catalog"
    assert replica_key("catalog", 1) == "catalog#1"
    assert parse_key("catalog#1") == ("catalog", 1)
    assert parse_key("catalog", 2) == ("catalog", 2)
    with pytest.raises(KeyError):
        parse_key("catalgo")


def test_a_single_replica_is_dialled_at_its_one_address(tmp_path: Path) -> None:
    stack = DevStack("127.0.0.1:9092", tmp_path)
    assert stack.addresses["catalog_grpc"] == stack.binds["catalog_grpc"][0]
    assert stack.env()["LIVEBID_CATALOG_GRPC"] == stack.addresses["catalog_grpc"]


def test_each_replica_binds_its_own_port_and_clients_dial_them_all(tmp_path: Path) -> None:
    stack = DevStack("127.0.0.1:9092", tmp_path, replicas={"catalog": 2, "bidding-api": 2})
    first, second = stack.binds["catalog_grpc"]
    assert first != second
    assert stack.addresses["catalog_grpc"] == f"ipv4:{first},{second}"

    own = stack.env("catalog#1")
    assert own["LIVEBID_CATALOG_GRPC"] == second
    assert own["LIVEBID_REPLICA"] == "1"
    assert own["LIVEBID_BIDDING_GRPC"] == stack.addresses["bidding_grpc"]
    assert stack.env("edge")["LIVEBID_CATALOG_GRPC"] == stack.addresses["catalog_grpc"]


def test_a_replica_beyond_the_declared_count_is_refused(tmp_path: Path) -> None:
    stack = DevStack("127.0.0.1:9092", tmp_path)
    with pytest.raises(ValueError, match="replicas"):
        stack.start("catalog", replica=1)
    with pytest.raises(ValueError):
        DevStack("127.0.0.1:9092", tmp_path, replicas={"catalgo": 2})


def test_a_service_whose_port_is_taken_moves_to_a_free_one(tmp_path: Path) -> None:
    with socket.socket() as squatter:  # another stack's server, already on "our" port
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = f"127.0.0.1:{squatter.getsockname()[1]}"
        stack = DevStack("127.0.0.1:9", tmp_path, addresses={"edge_http": taken})
        try:
            stack.start("edge", timeout_s=30)
            assert stack.addresses["edge_http"] != taken
            assert "address already in use" in (tmp_path / "edge.log").read_text().lower()
        finally:
            stack.stop_all()
