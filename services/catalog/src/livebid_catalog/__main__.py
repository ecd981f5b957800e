"""Catalog service entry point: shows, listings and run order, over gRPC.

    python -m livebid_catalog

One process holds four parts, and any number of replicas (up to the partition count of
catalog.commands.v1) can run side by side:
- the processor (the shared write-side runtime): decides each show's commands, partition-owned;
- the API: commands through the gateway, reads from the fold of catalog.internal.v1;
- the sale process manager (group "catalog-sales"): opens in bidding every sale a listing
  was put up for, or releases the listing when bidding refuses;
- the sale-ends policy (group "catalog-sale-ends"): bidding's ends -> commands to the show;
- the relist policy (group "catalog-relists"): orders' cancelled orders -> a unit back.

Reads LIVEBID_KAFKA_BOOTSTRAP_SERVERS, LIVEBID_CATALOG_GRPC (where it serves),
LIVEBID_BIDDING_GRPC (bidding's API), LIVEBID_REPLICA and LIVEBID_LOG_LEVEL.
"""

from __future__ import annotations

import asyncio
from functools import partial

from livebid.catalog.v1 import catalog_service_pb2_grpc as api_grpc

from livebid_catalog.api import CatalogApi
from livebid_catalog.bidding_client import BiddingClient
from livebid_catalog.sale_ends import relist_commands, sale_end_commands
from livebid_catalog.sales import SaleOpener, abandon_through
from livebid_catalog.view import CatalogView
from livebid_catalog.write_side import CATALOG
from livebid_platform import runtime
from livebid_platform.consumer import EventConsumer, dead_letterer
from livebid_platform.follower import Follower, from_beginning
from livebid_platform.grpc_server import client_channel, start_server
from livebid_platform.producer import durable_producer
from livebid_platform.service import caught_up
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import BIDDING_EVENTS, ORDERS_EVENTS, ensure_topics
from livebid_platform.writeside import Gateway, Policy, Processor

SERVICE_NAME = "livebid.catalog.v1.CatalogService"


async def serve(settings: PlatformSettings, stop: asyncio.Event) -> None:
    bootstrap = settings.kafka_bootstrap_servers
    await ensure_topics(bootstrap, replication_factor=settings.topic_replication_factor)
    # Serving at once (NOT_SERVING) so probes answer; commands wait for the rebuild.
    server, readiness = await start_server(settings.catalog_grpc, [SERVICE_NAME])
    producer = durable_producer(bootstrap)
    await producer.start()
    channel = client_channel(settings.bidding_grpc)
    view = CatalogView()
    private_log = CATALOG.private.name
    follower = Follower(
        bootstrap,
        {private_log: from_beginning},
        view.decisions.apply_record,
        "catalog",
        quarantine=dead_letterer(producer, "catalog-read-model", CATALOG.dead_letter.name),
    )
    gateway = Gateway(producer, view.decisions, follower, source=f"{CATALOG.source}.api")
    opener = SaleOpener(BiddingClient(channel), abandon_through(gateway))
    api_grpc.add_CatalogServiceServicer_to_server(
        CatalogApi(gateway, view, opener, follower.sync), server
    )
    await server.start()
    ends = Policy(CATALOG, sale_end_commands, producer, source=CATALOG.source)
    relists = Policy(CATALOG, relist_commands, producer, source=CATALOG.source)
    parts: list[Processor | EventConsumer] = [
        Processor(CATALOG, bootstrap, replica=settings.replica),
        EventConsumer(bootstrap, "catalog-sale-ends", [BIDDING_EVENTS.name], ends.handle, producer),
        EventConsumer(bootstrap, "catalog-relists", [ORDERS_EVENTS.name], relists.handle, producer),
        EventConsumer(
            bootstrap,
            "catalog-sales",
            [private_log],
            opener.handle,
            producer,
            dead_letter_topic=CATALOG.dead_letter.name,  # put-ups hold reserve prices
        ),
    ]
    tasks = [asyncio.create_task(follower.run())]
    try:
        await caught_up(follower, tasks[0])
        tasks += [asyncio.create_task(part.run()) for part in parts]
        await readiness.ready()
        await runtime.until_stopped(stop, *tasks)
    finally:
        for task in tasks:
            task.cancel()
        await readiness.draining()
        await server.stop(grace=2)
        await channel.close()
        await producer.stop()


def main() -> None:
    settings = PlatformSettings()
    runtime.run("catalog", partial(serve, settings), settings.log_level)


if __name__ == "__main__":
    main()
