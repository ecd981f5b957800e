"""The sinks' input: every notification appended to the inbox log, handed to the dispatcher."""

from __future__ import annotations

from typing import TypeAlias

from aiokafka import ConsumerRecord
from livebid.notifications.v1 import notifications_pb2 as pb

from livebid_notifications import codec
from livebid_notifications.sinks.dispatch import Dispatcher
from livebid_platform.consumer import Handler
from livebid_platform.envelope import Envelope

Record: TypeAlias = ConsumerRecord[bytes, bytes]


def to_sinks(dispatcher: Dispatcher[Record]) -> Handler:
    """An EventConsumer handler; a malformed notification raises, so it is dead-lettered."""

    async def handle(env: Envelope, record: Record) -> None:
        if not isinstance(env.message, pb.Notification):
            raise ValueError(f"not a notification: {type(env.message).__name__}")
        await dispatcher.offer(codec.notification_from_proto(env.message), record)

    return handle
