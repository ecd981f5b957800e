"""The port every outbound sink implements, and the JSON a notification travels as."""

from __future__ import annotations

import json
from typing import Protocol

from livebid_notifications.domain.inbox import Notification


class Sink(Protocol):
    """One destination (a webhook endpoint, an SMTP relay, a push provider)."""

    @property
    def name(self) -> str:
        """Says which destination, in dead letters and logs (never a secret)."""
        ...

    async def deliver(self, notification: Notification) -> None:
        """Deliver once, or raise: the dispatcher retries and dead-letters, not the sink."""
        ...


def notification_json(n: Notification) -> bytes:
    """The body a webhook receives; `source_event_id` is what receivers deduplicate on."""
    return json.dumps(
        {
            "type": "notification",
            "user_id": n.user_id,
            "cursor": n.cursor,
            "kind": n.kind.value,
            "auction_id": n.auction_id,
            "show_id": n.show_id,
            "amount_cents": n.amount_cents,
            "currency": n.currency,
            "text": n.text,
            "at_ms": n.at_ms,
            "source_event_id": n.source_event_id,
            "order_id": n.order_id,
            "bundle_id": n.bundle_id,
        },
        separators=(",", ":"),
        sort_keys=True,
    ).encode()
