"""Outbound sinks: the dispatcher's retries, dead letters and isolation, and the webhook
and email adapters against real servers on loopback (HTTP, and aiosmtpd's SMTP)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope as SmtpEnvelope
from livebid.bidding.v1 import public_events_pb2 as pb_bid
from notifications_builders import env, record

from livebid_notifications.__main__ import NotificationsSettings
from livebid_notifications.domain.inbox import Notification, NotificationKind
from livebid_notifications.sinks.dispatch import Backoff, Dispatcher
from livebid_notifications.sinks.email import SmtpEmailSink
from livebid_notifications.sinks.inbox_input import to_sinks
from livebid_notifications.sinks.webhook import SIGNATURE_HEADER, WebhookSink
from livebid_notifications.sinks.wiring import build_sinks

FAST = Backoff(attempts=3, first_delay_s=0.001)


def note(source: str, user: str = "ann") -> Notification:
    text = "You were outbid: the high bid is now 12.00 USD."
    return Notification(
        user, NotificationKind.OUTBID, source, "auction-1", "show-1", 1200, "USD", text, 5, 1
    )


class Flaky:
    """Fails its first `failures` deliveries, then records the rest."""

    def __init__(self, name: str, failures: int = 0) -> None:
        self.name, self.failures, self.got = name, failures, list[str]()

    async def deliver(self, n: Notification) -> None:
        if self.failures:
            self.failures -= 1
            raise ConnectionError("refused")
        self.got.append(n.source_event_id)


class Stuck:
    name = "stuck"

    def __init__(self) -> None:
        self.release = asyncio.Event()

    async def deliver(self, n: Notification) -> None:
        await self.release.wait()


class DeadLetters:
    def __init__(self) -> None:
        self.got: list[tuple[str, str]] = []

    async def __call__(self, ref: str, reason: str) -> None:
        self.got.append((ref, reason))


async def dispatched(dispatcher: Dispatcher[str], *sources: str) -> None:
    worker = asyncio.create_task(dispatcher.run())
    for source in sources:
        await dispatcher.offer(note(source), source)
    await asyncio.wait_for(dispatcher.idle(), 5)
    worker.cancel()


async def test_a_failing_delivery_is_retried_until_it_goes_through() -> None:
    sink, dead = Flaky("flaky", failures=2), DeadLetters()
    await dispatched(Dispatcher([sink], dead, FAST), "ev-1", "ev-2")
    assert (sink.got, dead.got) == (["ev-1", "ev-2"], [])


async def test_a_delivery_that_keeps_failing_is_dead_lettered_with_the_reason() -> None:
    sink, dead = Flaky("flaky", failures=3), DeadLetters()
    await dispatched(Dispatcher([sink], dead, FAST), "ev-1", "ev-2")
    assert sink.got == ["ev-2"]  # the worker moved on
    [(ref, reason)] = dead.got
    assert ref == "ev-1"
    assert reason == "flaky: ConnectionError: refused (after 3 attempts)"


async def test_a_stuck_endpoint_does_not_hold_up_the_others() -> None:
    stuck, fine, dead = Stuck(), Flaky("fine"), DeadLetters()
    dispatcher = Dispatcher([stuck, fine], dead, FAST)
    worker = asyncio.create_task(dispatcher.run())
    for source in ("ev-1", "ev-2"):
        await dispatcher.offer(note(source), source)
    for _ in range(100):
        if len(fine.got) == 2:
            break
        await asyncio.sleep(0.01)
    assert fine.got == ["ev-1", "ev-2"]
    stuck.release.set()
    await asyncio.wait_for(dispatcher.idle(), 5)
    worker.cancel()


async def test_a_full_backlog_dead_letters_instead_of_waiting() -> None:
    dead = DeadLetters()
    dispatcher = Dispatcher([Stuck()], dead, FAST, backlog=1)
    await dispatcher.offer(note("ev-1"), "ev-1")  # queued; no worker runs
    await dispatcher.offer(note("ev-2"), "ev-2")
    assert dead.got == [("ev-2", "stuck: backlog full")]


class Receiver(BaseHTTPRequestHandler):
    """A webhook receiver: answers with the next status of its server's script."""

    def do_POST(self) -> None:
        server: Any = self.server
        body = self.rfile.read(int(self.headers["Content-Length"]))
        server.received.append((dict(self.headers), body))
        status = server.statuses.pop(0) if server.statuses else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Any]:
    server: Any = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.received, server.statuses = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


async def test_a_webhook_gets_the_notification_signed_over_its_body(receiver: Any) -> None:
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    receiver.statuses = [503]  # the first attempt fails: the dispatcher retries
    dead = DeadLetters()
    async with httpx.AsyncClient(timeout=5) as client:
        sink = WebhookSink(url, "s3cret", client)
        await dispatched(Dispatcher([sink], dead, FAST), "ev-1")
    assert dead.got == []
    assert len(receiver.received) == 2
    headers, body = receiver.received[-1]
    expected = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER] == f"sha256={expected}"
    assert json.loads(body)["source_event_id"] == "ev-1"
    assert json.loads(body)["kind"] == "outbid"


async def test_a_webhook_that_keeps_refusing_is_dead_lettered(receiver: Any) -> None:
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    receiver.statuses = [500, 500, 500]
    dead = DeadLetters()
    async with httpx.AsyncClient(timeout=5) as client:
        await dispatched(Dispatcher([WebhookSink(url, "k", client)], dead, FAST), "ev-1")
    [(ref, reason)] = dead.got
    assert ref == "ev-1" and "HTTP 500" in reason and reason.startswith(f"webhook:{url}")


class Mailbox:
    def __init__(self) -> None:
        self.got: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: SmtpEnvelope) -> str:
        self.got.append((list(envelope.rcpt_tos), bytes(envelope.content or b"")))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Controller, Mailbox]]:
    mailbox = Mailbox()
    with socket.socket() as probe:  # Controller cannot take port 0: it connects to its port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, mailbox
    controller.stop()


async def test_an_email_goes_through_a_real_smtp_server(smtp: tuple[Controller, Mailbox]) -> None:
    controller, mailbox = smtp
    port = controller.port
    addresses = {"ann": "ann@example.com"}
    sink = SmtpEmailSink("127.0.0.1", port, "notify@livebid.test", addresses.get)
    dead = DeadLetters()
    dispatcher = Dispatcher([sink], dead, FAST)
    worker = asyncio.create_task(dispatcher.run())
    await dispatcher.offer(note("ev-1"), "ev-1")
    await dispatcher.offer(note("ev-2", user="nobody"), "ev-2")  # no address: not sent
    await asyncio.wait_for(dispatcher.idle(), 10)
    worker.cancel()
    assert dead.got == []
    [(to, content)] = mailbox.got
    assert to == ["ann@example.com"]
    message: Message = message_from_bytes(content)
    assert message["Subject"] == "Livebid: outbid"
    assert "the high bid is now 12.00 USD" in message.get_payload()


async def test_sinks_are_configured_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    config = {
        "webhooks": [{"url": "http://a/h", "secret": "k1"}, {"url": "http://b/h", "secret": "k2"}],
        "smtp_host": "127.0.0.1",
        "console_push": True,
    }
    monkeypatch.setenv("LIVEBID_SINKS", json.dumps(config))
    async with httpx.AsyncClient() as client:
        sinks = build_sinks(NotificationsSettings().sinks, client)
    names = [s.name for s in sinks]
    assert names == [
        "webhook:http://a/h",
        "webhook:http://b/h",
        "email:127.0.0.1:25",
        "push:console",
    ]


async def test_a_record_that_is_not_a_notification_raises_so_it_is_dead_lettered() -> None:
    handle = to_sinks(Dispatcher([Flaky("fine")], DeadLetters()))
    outbid = pb_bid.BidderOutbid(auction_id="auction-1")
    with pytest.raises(ValueError, match="not a notification: BidderOutbid"):
        await handle(env(outbid, "ev-1"), record(env(outbid, "ev-1")))
