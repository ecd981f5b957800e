"""The email sink: one message per notification through an SMTP relay."""

from __future__ import annotations

import asyncio
import smtplib
from collections.abc import Callable
from email.message import EmailMessage

from livebid_notifications.domain.inbox import Notification


class SmtpEmailSink:
    def __init__(
        self, host: str, port: int, sender: str, address_of: Callable[[str], str | None]
    ) -> None:
        self._host, self._port, self._sender = host, port, sender
        self._address_of = address_of

    @property
    def name(self) -> str:
        return f"email:{self._host}:{self._port}"

    async def deliver(self, notification: Notification) -> None:
        address = self._address_of(notification.user_id)
        if address is None:
            return  # the user did not ask for email: nothing to deliver, nothing failed
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = address
        message["Subject"] = f"Livebid: {notification.kind.value.replace('_', ' ')}"
        message["Message-ID"] = f"<{notification.user_id}.{notification.source_event_id}@livebid>"
        message.set_content(notification.text)
        # smtplib blocks; a thread keeps the event loop (and the other sinks) moving.
        await asyncio.to_thread(self._send, message)

    def _send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self._host, self._port, timeout=10) as smtp:
            smtp.send_message(message)
