"""Outbound sinks on a real broker: notifications appended to the inbox log reach a webhook
(signed) and a mailbox (aiosmtpd on loopback); a webhook that keeps failing is dead-lettered
with the reason, without holding up the others; a record that is no notification too."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope as SmtpEnvelope
from livebid.bidding.v1 import public_events_pb2 as bid

from livebid_notifications.domain.inbox import Notification, NotificationKind
from livebid_notifications.notifier import inbox_appender
from livebid_notifications.sinks.dispatch import Backoff, Dispatcher
from livebid_notifications.sinks.email import SmtpEmailSink
from livebid_notifications.sinks.inbox_input import to_sinks
from livebid_notifications.sinks.webhook import SIGNATURE_HEADER, WebhookSink
from livebid_platform.consumer import EventConsumer, dead_letterer, read_to_end
from livebid_platform.envelope import envelope
from livebid_platform.producer import durable_producer, publish
from livebid_platform.topics import DEAD_LETTER, NOTIFICATIONS_INBOX, ensure_topics

pytestmark = pytest.mark.integration

SECRET = "integration-webhook-secret"


class Hook(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        server: Any = self.server
        body = self.rfile.read(int(self.headers["Content-Length"]))
        ok = self.path.startswith("/ok")
        if ok:
            server.received.append((self.headers[SIGNATURE_HEADER], body))
        self.send_response(204 if ok else 500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Mailbox:
    def __init__(self) -> None:
        self.got: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: SmtpEnvelope) -> str:
        self.got.append(list(envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture
def hook() -> Iterator[Any]:
    server: Any = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    server.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def mailbox() -> Iterator[tuple[int, Mailbox]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, box
    controller.stop()


async def until(check: Any, timeout_s: float = 30) -> None:
    give_up = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < give_up, "an expected delivery did not happen in time"
        await asyncio.sleep(0.1)


async def deliver(bootstrap: str, hook: Any, mailbox: tuple[int, Mailbox]) -> None:
    run = uuid.uuid4().hex[:8]
    user = f"sink-user-{run}"
    base = f"http://127.0.0.1:{hook.server_address[1]}"
    await ensure_topics(bootstrap)
    producer = durable_producer(bootstrap)
    await producer.start()
    async with httpx.AsyncClient(timeout=5) as http:
        sinks = [
            WebhookSink(f"{base}/broken/{run}", SECRET, http),
            WebhookSink(f"{base}/ok/{run}", SECRET, http),
            SmtpEmailSink("127.0.0.1", mailbox[0], "notify@livebid.test", {user: "u@x.test"}.get),
        ]
        dead = dead_letterer(producer, "notifications-sinks")
        dispatcher = Dispatcher(sinks, dead, Backoff(attempts=3, first_delay_s=0.05))
        consumer = EventConsumer(
            bootstrap, f"sinks-{run}", [NOTIFICATIONS_INBOX.name], to_sinks(dispatcher), producer
        )
        tasks = [asyncio.create_task(dispatcher.run()), asyncio.create_task(consumer.run())]
        try:
            append = inbox_appender(producer)
            for i in range(3):
                text = f"You were outbid ({i})."
                n = Notification(
                    user, NotificationKind.OUTBID, f"ev-{run}-{i}", "a1", "s1", 100, "USD", text, i
                )
                await append(n, "corr")
            stray = bid.BidderOutbid(auction_id=f"not-a-notification-{run}")
            await publish(
                producer,
                NOTIFICATIONS_INBOX.name,
                envelope(stray, event_id=f"stray-{run}", source="test", subject=user, time_ms=1),
            )
            mine = lambda: [b for _, b in hook.received if user.encode() in b]  # noqa: E731
            await until(lambda: len(mine()) == 3 and len(mailbox[1].got) == 3)
            reasons = await dead_letters(bootstrap, run, expect=4)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await producer.stop()

    bodies = mine()
    assert [json.loads(b)["source_event_id"] for b in bodies] == [f"ev-{run}-{i}" for i in range(3)]
    for signature, body in hook.received:
        assert signature == "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert mailbox[1].got == [["u@x.test"]] * 3
    broken = [r for r in reasons if f"/broken/{run}" in r]
    assert len(broken) == 3, reasons
    assert all("HTTP 500" in r and "after 3 attempts" in r for r in broken), broken
    assert [r for r in reasons if r not in broken] == [
        "ValueError: not a notification: BidderOutbid"
    ]


async def dead_letters(bootstrap: str, run: str, expect: int) -> list[str]:
    """The reasons of this run's dead letters (their records name the run), once all came."""
    give_up = time.monotonic() + 60  # a loaded CI machine: three retries per broken delivery
    while True:
        reasons = []
        consumers = {b"notifications-sinks", f"sinks-{run}".encode()}
        async for record in read_to_end(bootstrap, DEAD_LETTER.name):
            headers = dict(record.headers or ())
            mine = run.encode() in (record.value or b"")  # the user id or the stray's id
            if mine and headers.get("dlq_consumer") in consumers:
                reasons.append(headers["dlq_reason"].decode())
        if len(reasons) >= expect or time.monotonic() > give_up:
            return reasons
        await asyncio.sleep(0.5)


def test_notifications_reach_every_sink_and_failures_are_dead_lettered(
    kafka_bootstrap: str, hook: Any, mailbox: tuple[int, Mailbox]
) -> None:
    asyncio.run(deliver(kafka_bootstrap, hook, mailbox))
