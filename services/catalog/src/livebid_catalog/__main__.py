"""Catalog service entry point: shows, listings and run order, over gRPC.

    python -m livebid_catalog

Reads LIVEBID_KAFKA_BOOTSTRAP_SERVERS, LIVEBID_CATALOG_GRPC (where it serves),
LIVEBID_BIDDING_GRPC (bidding's API, to open auctions, flash sales and giveaways) and
LIVEBID_LOG_LEVEL.
"""

from __future__ import annotations

import asyncio
from functools import partial

from livebid.catalog.v1 import catalog_service_pb2_grpc as api_grpc

from livebid_catalog.api import CatalogApi
from livebid_catalog.bidding_client import BiddingClient
from livebid_catalog.processor import CatalogProcessor
from livebid_platform import runtime
from livebid_platform.consumer import EventConsumer
from livebid_platform.grpc_server import client_channel, start_server
from livebid_platform.producer import durable_producer, publish
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import BIDDING_EVENTS, CATALOG_EVENTS, ensure_topics

CONSUMER_GROUP = "catalog"
SERVICE_NAME = "livebid.catalog.v1.CatalogService"


async def serve(settings: PlatformSettings, stop: asyncio.Event) -> None:
    bootstrap = settings.kafka_bootstrap_servers
    await ensure_topics(bootstrap, replication_factor=settings.topic_replication_factor)
    # Serving at once (NOT_SERVING) so probes answer; commands wait for the rebuild.
    server, readiness = await start_server(settings.catalog_grpc, [SERVICE_NAME])
    producer = durable_producer(bootstrap)
    await producer.start()
    channel = client_channel(settings.bidding_grpc)
    append = partial(publish, producer, CATALOG_EVENTS.name)
    processor = CatalogProcessor(append, BiddingClient(channel))
    api_grpc.add_CatalogServiceServicer_to_server(CatalogApi(processor), server)
    await server.start()
    try:
        await processor.rebuild(bootstrap)
        ended = EventConsumer(
            bootstrap, CONSUMER_GROUP, [BIDDING_EVENTS.name], processor.on_bidding_event, producer
        )
        follow = asyncio.create_task(ended.run())
        failed = asyncio.create_task(_raise_when(processor.failed))
        await readiness.ready()
        await runtime.until_stopped(stop, follow, failed)
    finally:
        await readiness.draining()
        await server.stop(grace=2)
        await channel.close()
        await producer.stop()


async def _raise_when(failed: asyncio.Event) -> None:
    await failed.wait()
    raise RuntimeError("a write to catalog.events.v1 failed; restarting to rebuild from the log")


def main() -> None:
    settings = PlatformSettings()
    runtime.run("catalog", partial(serve, settings), settings.log_level)


if __name__ == "__main__":
    main()
