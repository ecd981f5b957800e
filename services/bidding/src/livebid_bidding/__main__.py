"""Bidding service entry point.

python -m livebid_bidding processor   # decides auctions (one writer per partition)
python -m livebid_bidding api         # gRPC API: appends commands, returns decisions
"""

from __future__ import annotations

import asyncio
import sys

from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc

from livebid_bidding.api import BiddingApi
from livebid_bidding.outcomes import Outcomes
from livebid_bidding.processor import BiddingProcessor
from livebid_platform import runtime
from livebid_platform.grpc_server import start_server
from livebid_platform.producer import durable_producer
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import ensure_topics


class BiddingSettings(PlatformSettings):
    replica: str = "0"


async def run_processor(stop: asyncio.Event) -> None:
    settings = BiddingSettings()
    await ensure_topics(
        settings.kafka_bootstrap_servers, replication_factor=settings.topic_replication_factor
    )
    processor = BiddingProcessor(settings.kafka_bootstrap_servers, replica=settings.replica)
    await runtime.until_stopped(stop, asyncio.create_task(processor.run()))


async def run_api(stop: asyncio.Event) -> None:
    settings = BiddingSettings()
    await ensure_topics(
        settings.kafka_bootstrap_servers, replication_factor=settings.topic_replication_factor
    )
    server, readiness = await start_server(
        settings.bidding_grpc, ["livebid.bidding.v1.BiddingService"]
    )
    producer = durable_producer(settings.kafka_bootstrap_servers)
    await producer.start()
    outcomes = Outcomes(settings.kafka_bootstrap_servers)
    api_grpc.add_BiddingServiceServicer_to_server(BiddingApi(producer, outcomes), server)
    await server.start()
    follow = asyncio.create_task(outcomes.run())
    caught_up = asyncio.create_task(outcomes.caught_up.wait())
    await asyncio.wait([follow, caught_up], return_when=asyncio.FIRST_COMPLETED)
    if follow.done():
        follow.result()  # the read model failed before it caught up: fail loudly
    await readiness.ready()
    try:
        await runtime.until_stopped(stop, follow)
    finally:
        await readiness.draining()
        await server.stop(grace=2)
        await producer.stop()


def main() -> None:
    role = sys.argv[1] if len(sys.argv) > 1 else ""
    mains = {"processor": run_processor, "api": run_api}
    if role not in mains:
        raise SystemExit(f"usage: python -m livebid_bidding {{{'|'.join(mains)}}}")
    runtime.run(f"bidding-{role}", mains[role])


if __name__ == "__main__":
    main()
