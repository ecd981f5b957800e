"""Orders service entry point: one order per unit sold, and the orders read API over gRPC.

    python -m livebid_orders

One process holds three parts, and any number of replicas (up to the partition count of
orders.commands.v1) can run side by side:
- the policy (consumer group "orders-policy"): bidding's sales -> PlaceOrder commands;
- the processor (the shared write-side runtime): decides each order once, partition-owned;
- the read API: the fold of orders.events.v1, followed by every replica.

Reads LIVEBID_KAFKA_BOOTSTRAP_SERVERS, LIVEBID_ORDERS_GRPC (where it serves),
LIVEBID_REPLICA (a stable name per replica) and LIVEBID_LOG_LEVEL.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from livebid.orders.v1 import orders_service_pb2_grpc as api_grpc

from livebid_orders.api import OrdersApi
from livebid_orders.policy import orders_for_event
from livebid_orders.store import OrderStore
from livebid_orders.write_side import ORDERS
from livebid_platform import runtime
from livebid_platform.consumer import EventConsumer, dead_letterer
from livebid_platform.follower import Follower, from_beginning
from livebid_platform.grpc_server import start_server
from livebid_platform.producer import durable_producer
from livebid_platform.service import caught_up
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import BIDDING_EVENTS, ORDERS_EVENTS, ensure_topics
from livebid_platform.writeside import Policy, Processor

log = logging.getLogger(__name__)
POLICY_GROUP = "orders-policy"
SERVICE_NAME = "livebid.orders.v1.OrdersService"


async def serve(settings: PlatformSettings, stop: asyncio.Event) -> None:
    bootstrap = settings.kafka_bootstrap_servers
    await ensure_topics(bootstrap, replication_factor=settings.topic_replication_factor)
    server, readiness = await start_server(settings.orders_grpc, [SERVICE_NAME])
    store = OrderStore()
    producer = durable_producer(bootstrap)
    await producer.start()
    follower = Follower(
        bootstrap,
        {ORDERS_EVENTS.name: from_beginning},
        store.apply_record,
        "orders",
        quarantine=dead_letterer(producer, "orders-read-model"),
    )
    api_grpc.add_OrdersServiceServicer_to_server(OrdersApi(store, follower.caught_up), server)
    await server.start()
    policy = Policy(ORDERS, orders_for_event, producer, source=ORDERS.source)
    sales = EventConsumer(bootstrap, POLICY_GROUP, [BIDDING_EVENTS.name], policy.handle, producer)
    processor = Processor(ORDERS, bootstrap, replica=settings.replica)
    tasks = [asyncio.create_task(follower.run())]
    try:
        await caught_up(follower, tasks[0])
        log.info("rebuilt orders", extra={"fields": {"orders": len(store.orders)}})
        tasks += [asyncio.create_task(processor.run()), asyncio.create_task(sales.run())]
        await readiness.ready()
        await runtime.until_stopped(stop, *tasks)
    finally:
        for task in tasks:
            task.cancel()
        await readiness.draining()
        await server.stop(grace=2)
        await producer.stop()


def main() -> None:
    settings = PlatformSettings()
    runtime.run("orders", partial(serve, settings), settings.log_level)


if __name__ == "__main__":
    main()
