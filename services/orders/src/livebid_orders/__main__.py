"""Orders service entry point: one order per unit sold, and the orders read API over gRPC.

    python -m livebid_orders

Reads LIVEBID_KAFKA_BOOTSTRAP_SERVERS, LIVEBID_ORDERS_GRPC (where it serves) and
LIVEBID_LOG_LEVEL.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from livebid.orders.v1 import orders_service_pb2_grpc as api_grpc

from livebid_orders.api import OrdersApi
from livebid_orders.follower import OrdersFollower
from livebid_orders.processor import OrdersProcessor
from livebid_orders.sales import flash_sales_in
from livebid_orders.store import OrderStore
from livebid_platform import runtime
from livebid_platform.consumer import EventConsumer
from livebid_platform.grpc_server import start_server
from livebid_platform.producer import durable_producer, publish
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import BIDDING_EVENTS, ORDERS_EVENTS, ensure_topics

log = logging.getLogger(__name__)
CONSUMER_GROUP = "orders"
SERVICE_NAME = "livebid.orders.v1.OrdersService"


async def serve(settings: PlatformSettings, stop: asyncio.Event) -> None:
    bootstrap = settings.kafka_bootstrap_servers
    await ensure_topics(bootstrap, replication_factor=settings.topic_replication_factor)
    server, readiness = await start_server(settings.orders_grpc, [SERVICE_NAME])
    store, ready = OrderStore(), asyncio.Event()
    api_grpc.add_OrdersServiceServicer_to_server(OrdersApi(store, ready), server)
    await server.start()
    producer = durable_producer(bootstrap)
    await producer.start()
    follower = OrdersFollower(bootstrap, store)
    tasks = [asyncio.create_task(follower.run())]
    try:
        # Rebuild from our own log before the first sale is looked at.
        await follower.sync()
        log.info("rebuilt orders", extra={"fields": {"orders": len(store.orders)}})
        processor = OrdersProcessor(
            store,
            partial(publish, producer, ORDERS_EVENTS.name),
            follower.sync,
            partial(flash_sales_in, bootstrap),
        )
        sales = EventConsumer(
            bootstrap, CONSUMER_GROUP, [BIDDING_EVENTS.name], processor.on_bidding_event, producer
        )
        tasks.append(asyncio.create_task(sales.run()))
        ready.set()
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
