"""Which sinks run, from settings: webhook endpoints for consumer integrations, an SMTP
relay for users with an address, and the console push adapter."""

from __future__ import annotations

import httpx
from pydantic import BaseModel

from livebid_notifications.sinks.email import SmtpEmailSink
from livebid_notifications.sinks.port import Sink
from livebid_notifications.sinks.push import ConsolePushSink
from livebid_notifications.sinks.webhook import WebhookSink


class WebhookEndpoint(BaseModel):
    url: str
    secret: str  # the HMAC-SHA256 key the receiver checks the signature with


class SinkSettings(BaseModel):
    webhooks: list[WebhookEndpoint] = []
    smtp_host: str = ""  # empty: no email sink
    smtp_port: int = 25
    email_from: str = "notifications@livebid.local"
    # user id -> address. A stand-in for the identity provider's address book.
    emails: dict[str, str] = {}
    console_push: bool = False


def build_sinks(settings: SinkSettings, client: httpx.AsyncClient) -> list[Sink]:
    """One sink per webhook endpoint (each gets its own queue), then email and push."""
    sinks: list[Sink] = [WebhookSink(w.url, w.secret, client) for w in settings.webhooks]
    if settings.smtp_host:
        sinks.append(
            SmtpEmailSink(
                settings.smtp_host, settings.smtp_port, settings.email_from, settings.emails.get
            )
        )
    if settings.console_push:
        sinks.append(ConsolePushSink())
    return sinks
