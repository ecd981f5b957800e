"""A console push adapter: logs what a push provider (FCM, APNs) would be sent.

It stands in for a real provider's adapter, which would implement the same port."""

from __future__ import annotations

import logging

from livebid_notifications.domain.inbox import Notification

log = logging.getLogger(__name__)


class ConsolePushSink:
    name = "push:console"

    async def deliver(self, notification: Notification) -> None:
        log.info(
            "push",
            extra={"fields": {"user": notification.user_id, "text": notification.text}},
        )
