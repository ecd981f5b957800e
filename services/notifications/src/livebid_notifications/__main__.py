"""Notifications service entry point: live show feed, personal inbox, their delivery.

    python -m livebid_notifications

Startup: create topics, follow notifications.inbox.v1 (the inbox), the show events (the
live feed) and the catalog's events (who follows which seller) with the platform's Follower,
consume the input topics once the inbox and the followers have caught up (the inbox is what
skips repeats), deliver the inbox to the outbound sinks configured, and serve HTTP/WebSocket
and gRPC. It reports ready (gRPC health, GET /readyz) once the inbox and the live feed have
caught up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx
from aiokafka import AIOKafkaProducer
from livebid.notifications.v1 import notifications_pb2_grpc as pb_grpc

from livebid_notifications.api import NotificationsApi
from livebid_notifications.audience import FollowersStore
from livebid_notifications.auth import TokenVerifier
from livebid_notifications.feed import LiveFeed
from livebid_notifications.inbox_store import InboxStore
from livebid_notifications.notifier import Notifier, inbox_appender
from livebid_notifications.sinks.dispatch import Dispatcher
from livebid_notifications.sinks.inbox_input import to_sinks
from livebid_notifications.sinks.port import Sink
from livebid_notifications.sinks.wiring import SinkSettings, build_sinks
from livebid_notifications.web import create_app, wall_clock_ms
from livebid_platform import runtime
from livebid_platform.consumer import EventConsumer, dead_letterer
from livebid_platform.follower import Follower, from_beginning, from_time
from livebid_platform.grpc_server import start_server
from livebid_platform.http_server import http_server
from livebid_platform.producer import durable_producer
from livebid_platform.service import caught_up
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import (
    BIDDING_EVENTS,
    CATALOG_EVENTS,
    NOTIFICATIONS_INBOX,
    ORDERS_EVENTS,
    ensure_topics,
)


class NotificationsSettings(PlatformSettings):
    notifications_http: str = "127.0.0.1:8081"  # host:port of the HTTP/WebSocket server
    edge_http: str = "127.0.0.1:8080"
    # The edge API's URL as the watch page's browser reaches it; default: http://<edge_http>.
    public_edge_url: str = ""
    # How far back the live feed reads bidding events at startup: longer than any auction.
    live_lookback_ms: int = 6 * 3600 * 1000
    # Outbound sinks, e.g. LIVEBID_SINKS='{"webhooks": [{"url": "...", "secret": "..."}]}'.
    sinks: SinkSettings = SinkSettings()


async def serve(stop: asyncio.Event) -> None:
    settings = NotificationsSettings()
    bootstrap = settings.kafka_bootstrap_servers
    await ensure_topics(bootstrap, replication_factor=settings.topic_replication_factor)
    feed, store, ready = LiveFeed(), InboxStore(), asyncio.Event()
    audience = FollowersStore()

    grpc_server, readiness = await start_server(
        settings.notifications_grpc, ["livebid.notifications.v1.NotificationsService"]
    )
    pb_grpc.add_NotificationsServiceServicer_to_server(NotificationsApi(store), grpc_server)
    await grpc_server.start()
    edge_url = settings.public_edge_url or f"http://{settings.edge_http}"
    verifier = TokenVerifier(settings.token_secret)
    app = create_app(feed, store, verifier, ready.is_set, edge_url=edge_url)
    http = http_server(app, settings.notifications_http)
    http_task = asyncio.create_task(http.serve())
    producer = durable_producer(bootstrap)
    await producer.start()
    http_client = httpx.AsyncClient(timeout=10)
    tasks: list[asyncio.Task[None]] = []
    try:
        inbox = Follower(
            bootstrap,
            {NOTIFICATIONS_INBOX.name: from_beginning},
            store.apply_record,
            "inbox",
            quarantine=dead_letterer(producer, "notifications-inbox"),
        )
        since = wall_clock_ms() - settings.live_lookback_ms
        live = Follower(
            bootstrap,
            {CATALOG_EVENTS.name: from_beginning, BIDDING_EVENTS.name: from_time(since)},
            feed.apply_record,
            "live-feed",
        )
        follows = Follower(
            bootstrap, {CATALOG_EVENTS.name: from_beginning}, audience.apply_record, "followers"
        )
        tasks += [asyncio.create_task(f.run()) for f in (inbox, live, follows)]
        # The inbox must be whole before inputs are consumed: it is what skips repeats; and
        # the followers, so a show's start reaches everyone who followed before it.
        await caught_up(inbox, tasks[0])
        await caught_up(follows, tasks[2])
        inputs = [BIDDING_EVENTS.name, CATALOG_EVENTS.name, ORDERS_EVENTS.name]
        notifier = Notifier(store, inbox_appender(producer), audience)
        consumer = EventConsumer(bootstrap, "notifications", inputs, notifier.handle, producer)
        tasks.append(asyncio.create_task(consumer.run()))
        sinks = build_sinks(settings.sinks, http_client)
        if sinks:
            tasks += _outbound(bootstrap, sinks, producer)
        tasks.append(asyncio.create_task(_when_ready(live.caught_up, ready, readiness.ready)))
        # Not the HTTP task: it is stopped gently below, so open WebSockets are closed cleanly.
        await runtime.until_stopped(stop, *tasks)
    finally:
        ready.clear()
        await readiness.draining()
        http.should_exit = True
        for task in tasks:
            task.cancel()
        await asyncio.gather(http_task, *tasks, return_exceptions=True)
        await grpc_server.stop(grace=2)
        await http_client.aclose()
        await producer.stop()


def _outbound(
    bootstrap: str, sinks: list[Sink], producer: AIOKafkaProducer
) -> list[asyncio.Task[None]]:
    """The sinks' own consumer group on the inbox log, and their dispatcher's workers."""
    dispatcher = Dispatcher(sinks, dead_letterer(producer, "notifications-sinks"))
    handler = to_sinks(dispatcher)
    consumer = EventConsumer(
        bootstrap, "notifications-sinks", [NOTIFICATIONS_INBOX.name], handler, producer
    )
    return [asyncio.create_task(dispatcher.run()), asyncio.create_task(consumer.run())]


async def _when_ready(
    feed_caught_up: asyncio.Event, ready: asyncio.Event, report: Callable[[], Awaitable[None]]
) -> None:
    await feed_caught_up.wait()
    ready.set()
    await report()
    await asyncio.Event().wait()  # stays pending: until_stopped ends when any task ends


def main() -> None:
    runtime.run("notifications", serve, level=NotificationsSettings().log_level)


if __name__ == "__main__":
    main()
