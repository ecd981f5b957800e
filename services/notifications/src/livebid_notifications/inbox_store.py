"""The inbox read model: the fold over notifications.inbox.v1, and wake-ups per user.

Every record of the log passes through `apply_record`, including the ones this process
wrote, so the cursors here are the fold's and match every other replica and every rebuild.
"""

from __future__ import annotations

import logging

from aiokafka import ConsumerRecord

from livebid_notifications import codec
from livebid_notifications.changes import Changes
from livebid_notifications.domain.inbox import Inbox, Notification
from livebid_platform.envelope import decode

log = logging.getLogger(__name__)


class InboxStore:
    def __init__(self) -> None:
        self.inbox = Inbox()
        self.changes = Changes()
        # Appended by this process but not yet read back from the log.
        self._pending: set[tuple[str, str]] = set()

    def apply(self, notification: Notification) -> Notification | None:
        """Fold one logged notification and wake its user's connections."""
        self._pending.discard((notification.user_id, notification.source_event_id))
        entry = self.inbox.apply(notification)
        if entry is not None:
            self.changes.notify(entry.user_id)
        return entry

    def apply_record(self, record: ConsumerRecord[bytes, bytes]) -> None:
        """Fold one inbox record (the Follower's `apply`). Only this service writes the log,
        so an unreadable record is a bug: it raises, and the Follower quarantines it."""
        message = decode(record.value, record.headers).message
        self.apply(codec.notification_from_proto(message))

    def knows(self, user_id: str, source_event_id: str) -> bool:
        """Whether the source event already notified the user (or is on its way to)."""
        pending = (user_id, source_event_id) in self._pending
        return pending or self.inbox.has(user_id, source_event_id)

    def sent(self, user_id: str, source_event_id: str) -> None:
        self._pending.add((user_id, source_event_id))

    def after(self, user_id: str, cursor: int, limit: int | None = None) -> list[Notification]:
        return self.inbox.after(user_id, cursor, limit)
