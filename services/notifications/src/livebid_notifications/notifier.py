"""The input handler: turns other services' events into notifications on the inbox log."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiokafka import AIOKafkaProducer, ConsumerRecord

from livebid_notifications import codec
from livebid_notifications.domain.inbox import NOBODY, Audience, Notification, derive
from livebid_notifications.inbox_store import InboxStore
from livebid_platform.envelope import Envelope, envelope
from livebid_platform.producer import publish
from livebid_platform.topics import NOTIFICATIONS_INBOX

SOURCE = "livebid.notifications"

Append = Callable[[Notification, str], Awaitable[None]]


class Notifier:
    def __init__(self, store: InboxStore, append: Append, audience: Audience = NOBODY) -> None:
        self._store = store
        self._append = append
        self._audience = audience

    async def handle(self, env: Envelope, record: ConsumerRecord[bytes, bytes]) -> None:
        """Dispatch by message type; types without a notification are ignored."""
        event = codec.input_event(env.message, env.time_ms)
        if event is None:
            return
        # Each notification is skipped on its own: a show's start reaching many followers
        # resumes after a crash where it stopped, and nobody is told twice.
        for notification in derive(env.event_id, event, self._audience):
            if self._store.knows(notification.user_id, notification.source_event_id):
                continue  # a redelivered input: its notification is already in the log
            await self._append(notification, env.correlation_id)
            self._store.sent(notification.user_id, notification.source_event_id)


def inbox_appender(producer: AIOKafkaProducer) -> Append:
    """Append a notification to the inbox log, keyed by user so one partition orders it."""

    async def append(notification: Notification, correlation_id: str) -> None:
        env = envelope(
            codec.notification_to_proto(notification),
            # Derived from the source, so a repeated append is recognisably the same event.
            event_id=f"{notification.user_id}/{notification.source_event_id}",
            source=SOURCE,
            subject=notification.user_id,
            time_ms=notification.at_ms,
            correlation_id=correlation_id,
        )
        await publish(producer, NOTIFICATIONS_INBOX.name, env)

    return append
