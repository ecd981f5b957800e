"""The webhook sink: POSTs each notification as JSON, signed with HMAC-SHA256 over the body."""

from __future__ import annotations

import hashlib
import hmac

import httpx

from livebid_notifications.domain.inbox import Notification
from livebid_notifications.sinks.port import notification_json

SIGNATURE_HEADER = "X-Livebid-Signature"
EVENT_ID_HEADER = "X-Livebid-Event-Id"


def signature(secret: bytes, body: bytes) -> str:
    """What the receiver recomputes over the raw body it got, to trust the sender."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


class WebhookSink:
    def __init__(self, url: str, secret: str, client: httpx.AsyncClient) -> None:
        if not secret:
            raise ValueError(f"webhook {url}: a signing secret is required")
        self._url = url
        self._secret = secret.encode()
        self._client = client

    @property
    def name(self) -> str:
        return f"webhook:{self._url}"

    async def deliver(self, notification: Notification) -> None:
        body = notification_json(notification)
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(self._secret, body),
            # Deliveries are at least once: the receiver skips an id it has seen.
            EVENT_ID_HEADER: f"{notification.user_id}/{notification.source_event_id}",
        }
        response = await self._client.post(self._url, content=body, headers=headers)
        if not response.is_success:
            raise RuntimeError(f"HTTP {response.status_code} from {self._url}")
