"""Orders service entry point: one order per unit sold, each order's life (payment,
bundle, shipping, delivery, payout), and the orders API over gRPC.

    python -m livebid_orders

One process holds four parts, and any number of replicas (up to the partition count of
orders.commands.v1) can run side by side:
- the policy (group "orders-policy"): bidding's sales -> PlaceOrder, catalog's ShowEnded
  -> EndShow for each bundle of the show;
- the payments worker (group "orders-payments"): the private log's ChargeRequested and
  RefundRequested -> the payment provider -> PaymentSucceeded / Declined, RefundSucceeded;
- the processor (the shared write-side runtime): decides each bundle, partition-owned;
- the API: reads the fold of orders.internal.v1, changes through the gateway.

Reads LIVEBID_KAFKA_BOOTSTRAP_SERVERS, LIVEBID_ORDERS_GRPC (where it serves),
LIVEBID_PAYMENTS_HTTP (the payment provider: the local simulator), LIVEBID_REPLICA and
LIVEBID_LOG_LEVEL.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from livebid.orders.v1 import orders_service_pb2_grpc as api_grpc

from livebid_orders import payments_worker
from livebid_orders.api import OrdersApi
from livebid_orders.policy import CatalogFacts, OrdersPolicy
from livebid_orders.simulator_http import SimulatorClient
from livebid_orders.store import OrderIndex
from livebid_orders.write_side import ORDERS
from livebid_platform import runtime
from livebid_platform.consumer import EventConsumer, dead_letterer
from livebid_platform.follower import Follower, from_beginning
from livebid_platform.grpc_server import start_server
from livebid_platform.producer import durable_producer
from livebid_platform.service import caught_up
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import BIDDING_EVENTS, CATALOG_EVENTS, ensure_topics
from livebid_platform.writeside import Decisions, Gateway, Policy, Processor

log = logging.getLogger(__name__)
POLICY_GROUP = "orders-policy"
SERVICE_NAME = "livebid.orders.v1.OrdersService"


async def serve(settings: PlatformSettings, stop: asyncio.Event) -> None:
    bootstrap = settings.kafka_bootstrap_servers
    await ensure_topics(bootstrap, replication_factor=settings.topic_replication_factor)
    server, readiness = await start_server(settings.orders_grpc, [SERVICE_NAME])
    producer = durable_producer(bootstrap)
    await producer.start()
    index = OrderIndex()
    decisions = Decisions(ORDERS, observe=index.observe)
    private_log = ORDERS.private.name
    follower = Follower(
        bootstrap,
        {private_log: from_beginning},
        decisions.apply_record,
        "orders",
        quarantine=dead_letterer(producer, "orders-decisions", ORDERS.dead_letter.name),
    )
    facts = CatalogFacts()
    catalog = Follower(
        bootstrap,
        {CATALOG_EVENTS.name: from_beginning},
        facts.apply_record,
        "orders-catalog",
        quarantine=dead_letterer(producer, "orders-catalog-facts"),
    )
    gateway = Gateway(producer, decisions, follower, source=f"{ORDERS.source}.api")
    api_grpc.add_OrdersServiceServicer_to_server(
        OrdersApi(gateway, decisions, index, follower.sync), server
    )
    await server.start()
    provider = SimulatorClient(f"http://{settings.payments_http}")
    worker = payments_worker.PaymentsWorker(provider)
    policy = OrdersPolicy(facts, index, follower.sync)
    parts: list[Processor | EventConsumer] = [
        Processor(ORDERS, bootstrap, replica=settings.replica),
        EventConsumer(
            bootstrap,
            POLICY_GROUP,
            [BIDDING_EVENTS.name, CATALOG_EVENTS.name],
            Policy(ORDERS, policy.commands_for, producer, ORDERS.source).handle,
            producer,
        ),
        EventConsumer(
            bootstrap,
            payments_worker.GROUP,
            [private_log],
            Policy(ORDERS, worker.commands_for, producer, f"{ORDERS.source}.payments").handle,
            producer,
            dead_letter_topic=ORDERS.dead_letter.name,  # charges hold card references
        ),
    ]
    tasks = [asyncio.create_task(follower.run()), asyncio.create_task(catalog.run())]
    try:
        await caught_up(follower, tasks[0])
        await caught_up(catalog, tasks[1])
        log.info("rebuilt orders", extra={"fields": {"orders": len(index.bundle_of)}})
        tasks += [asyncio.create_task(part.run()) for part in parts]
        await readiness.ready()
        await runtime.until_stopped(stop, *tasks)
    finally:
        for task in tasks:
            task.cancel()
        await readiness.draining()
        await server.stop(grace=2)
        await provider.close()
        await producer.stop()


def main() -> None:
    settings = PlatformSettings()
    runtime.run("orders", partial(serve, settings), settings.log_level)


if __name__ == "__main__":
    main()
