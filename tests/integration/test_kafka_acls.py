"""The whole platform under the production ACLs: a broker that makes every client log in
and authorizes each request with Kafka's ACL authorizer, loaded with exactly the bindings
the generated KafkaUsers grant (livebid_platform/access.py). A show runs end to end, from a
bid to the winner's order and notification, with each service as its own Kafka user; and a
service cannot write another's topic or read another's private log."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import KafkaError, TopicAuthorizationFailedError

from livebid_devtools.devstack import DevStack
from livebid_devtools.kafka_manifests import acl_bindings
from livebid_devtools.localkafka import ADMIN, LocalKafka, free_port
from livebid_platform.access import ACCESS
from livebid_platform.kafka_auth import reload_auth
from livebid_platform.topics import ALL_TOPICS, BIDDING_EVENTS, BIDDING_INTERNAL, ensure_topics
from tests.integration.live_show import open_auction

pytestmark = pytest.mark.integration

PASSWORDS = {access.user: f"{access.user}-{uuid.uuid4().hex[:8]}" for access in ACCESS}


def login(user: str, password: str) -> dict[str, str]:
    return {
        "LIVEBID_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "LIVEBID_KAFKA_SASL_MECHANISM": "PLAIN",
        "LIVEBID_KAFKA_USERNAME": user,
        "LIVEBID_KAFKA_PASSWORD": password,
    }


def as_user(user: str) -> dict[str, Any]:
    return {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "PLAIN",
        "sasl_plain_username": user,
        "sasl_plain_password": PASSWORDS[user],
    }


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevStack]:
    home = Path(tmp_path_factory.mktemp("kafka-acls"))
    broker = LocalKafka(home / "kafka", port=free_port(), sasl_users=PASSWORDS)
    stack = None
    try:
        bootstrap = broker.start()
        broker.create_acls([b for access in ACCESS for b in acl_bindings(access)])
        # The admin creates the topics, as Strimzi's Topic Operator does in production:
        # the services may describe topics but not create them.
        os.environ.update(login(*ADMIN))
        reload_auth()
        try:
            asyncio.run(ensure_topics(bootstrap, ALL_TOPICS))
        finally:
            for key in login(*ADMIN):
                del os.environ[key]
            reload_auth()
        users = {w: login(a.user, PASSWORDS[a.user]) for a in ACCESS for w in a.workloads}
        stack = DevStack(bootstrap, home / "logs", service_env=users)
        stack.start_all()
        yield stack
    finally:
        if stack is not None:
            stack.stop_all()
        broker.stop()


async def poll(check: Any, what: str, timeout_s: float = 60) -> Any:
    give_up = time.monotonic() + timeout_s
    while time.monotonic() < give_up:
        if found := await check():
            return found
        await asyncio.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


async def run_a_show(stack: DevStack) -> None:
    run = uuid.uuid4().hex[:6]
    async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
        terms = {"format": "sudden_death", "duration_ms": 3_000}
        opened = await open_auction(http, stack, run, terms)
        seller, (alice, bob), auction = opened.seller, opened.buyers, opened.auction_id
        assert (await bob.bid(auction, 1000))["status"] == "accepted"
        assert (await alice.bid(auction, 1500))["status"] == "accepted"

        async def closed() -> dict[str, Any] | None:
            view = await seller.auction(auction)
            return view if view["status"] != "open" else None

        final = await poll(closed, "the close")
        assert final["winner_id"] == alice.user_id and final["price"]["amount_cents"] == 1500

        async def order() -> list[Any]:
            orders: list[Any] = (await alice.call("GET", "/v1/me/orders"))["orders"]
            return orders

        [placed] = await poll(order, "the winner's order")
        assert placed["auction_id"] == auction

        async def won() -> bool:
            inbox = await alice.call("GET", "/v1/me/notifications")
            return any(n["kind"] == "NOTIFICATION_KIND_WON" for n in inbox["notifications"])

        await poll(won, "the winner's notification")


def test_a_show_runs_end_to_end_with_each_service_as_its_own_kafka_user(
    secured: DevStack,
) -> None:
    asyncio.run(run_a_show(secured))
    assert secured.exited() == [], "a service stopped (an authorization error?)"


async def test_a_service_cannot_write_another_services_topic(secured: DevStack) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=secured.bootstrap, **as_user("notifications"))
    await producer.start()
    try:
        with pytest.raises(TopicAuthorizationFailedError):
            await producer.send_and_wait(BIDDING_EVENTS.name, b"forged AuctionEnded")
    finally:
        await producer.stop()


async def test_only_bidding_reads_its_private_log_of_max_bids(secured: DevStack) -> None:
    partition = TopicPartition(BIDDING_INTERNAL.name, 0)
    for user, allowed in (("orders", False), ("bidding", True)):
        consumer = AIOKafkaConsumer(bootstrap_servers=secured.bootstrap, **as_user(user))
        await consumer.start()
        try:
            consumer.assign([partition])
            await consumer.seek_to_beginning(partition)
            if allowed:
                await consumer.getmany(partition, timeout_ms=2000)
            else:
                with pytest.raises(KafkaError):
                    for _ in range(20):  # the fetch's authorization error surfaces on a poll
                        await consumer.getmany(partition, timeout_ms=200)
        finally:
            await consumer.stop()
