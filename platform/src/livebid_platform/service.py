"""Composition helpers every service's `__main__` uses, so each reads the same way:
settings, topics, clients, rebuild from the log, then ready.

- `processor_main`: one replica of a write side's processor (partition-owned decisions).
- `CommandSide`: what a service's API needs to send commands and read decisions: the
  `Decisions` read model, the `Follower` that keeps it current, and the `Gateway`.
- `api_main`: a gRPC API over a CommandSide (bidding's API role uses it as it is), with
  any extra read models it answers from (`ReadModel`: a topic folded from its beginning).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import grpc
from aiokafka import AIOKafkaProducer, ConsumerRecord

from livebid_platform import runtime
from livebid_platform.consumer import dead_letterer
from livebid_platform.follower import Follower, from_beginning
from livebid_platform.grpc_server import start_server
from livebid_platform.producer import durable_producer
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import ensure_topics
from livebid_platform.writeside import Decisions, Gateway, Processor, WriteSide

Main = Callable[[asyncio.Event], Awaitable[None]]


def processor_main(settings: PlatformSettings, side: WriteSide) -> Main:
    async def main(stop: asyncio.Event) -> None:
        await ensure_topics(
            settings.kafka_bootstrap_servers, replication_factor=settings.topic_replication_factor
        )
        processor = Processor(side, settings.kafka_bootstrap_servers, replica=settings.replica)
        await runtime.until_stopped(stop, asyncio.create_task(processor.run()))

    return main


@dataclass
class CommandSide:
    decisions: Decisions
    follower: Follower
    gateway: Gateway

    @classmethod
    def build(
        cls, bootstrap: str, side: WriteSide, producer: AIOKafkaProducer, source: str
    ) -> CommandSide:
        decisions = Decisions(side)
        follower = Follower(
            bootstrap,
            {side.private.name: from_beginning},
            decisions.apply_record,
            side.name,
            # The private log's dead letters stay private too.
            quarantine=dead_letterer(producer, f"{side.name}-decisions", side.dead_letter.name),
        )
        return cls(decisions, follower, Gateway(producer, decisions, follower, source))


async def caught_up(follower: Follower, task: asyncio.Task[None]) -> None:
    """Wait until the follower has read what existed at start; fail if it fails first."""
    waiting = asyncio.create_task(follower.caught_up.wait())
    await asyncio.wait([task, waiting], return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        waiting.cancel()
        task.result()  # the read model failed before it caught up: fail loudly
        raise RuntimeError("the follower ended before it caught up")


AddServicer = Callable[[CommandSide, grpc.aio.Server], None]


@dataclass(frozen=True)
class ReadModel:
    """Another topic an API folds from its beginning (e.g. another service's public events)."""

    name: str
    topic: str
    apply_record: Callable[[ConsumerRecord[bytes, bytes]], None]


def api_main(
    settings: PlatformSettings,
    side: WriteSide,
    address: str,
    service_name: str,
    add_servicer: AddServicer,
    reads: tuple[ReadModel, ...] = (),
) -> Main:
    """A gRPC API that sends commands to `side` and answers from its decisions (and from
    `reads`, each caught up before the API is ready)."""

    async def main(stop: asyncio.Event) -> None:
        bootstrap = settings.kafka_bootstrap_servers
        await ensure_topics(bootstrap, replication_factor=settings.topic_replication_factor)
        server, readiness = await start_server(address, [service_name])
        producer = durable_producer(bootstrap)
        await producer.start()
        commands = CommandSide.build(bootstrap, side, producer, f"{side.source}.api")
        add_servicer(commands, server)
        await server.start()
        followers = [commands.follower] + [
            Follower(
                bootstrap,
                {read.topic: from_beginning},
                read.apply_record,
                read.name,
                quarantine=dead_letterer(producer, read.name),
            )
            for read in reads
        ]
        tasks = [asyncio.create_task(f.run()) for f in followers]
        try:
            for follower, task in zip(followers, tasks, strict=True):
                await caught_up(follower, task)
            await readiness.ready()
            await runtime.until_stopped(stop, *tasks)
        finally:
            for task in tasks:
                task.cancel()
            await readiness.draining()
            await server.stop(grace=2)
            await producer.stop()

    return main
