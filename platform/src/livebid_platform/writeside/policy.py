"""Policies: events in, commands out. A policy reads other topics in a consumer group and
appends the commands they call for to a write side's commands topic.

Delivery is at least once; a command's id derives from the event that caused it, so a
redelivered event appends the same command id and the runtime decides it only once.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiokafka import AIOKafkaProducer, ConsumerRecord
from google.protobuf.message import Message

from livebid_platform.envelope import Envelope, envelope
from livebid_platform.producer import publish
from livebid_platform.writeside.decider import WriteSide


@dataclass(frozen=True)
class Command:
    """A command a policy asks for: the message, its idempotent id and its aggregate."""

    message: Message
    command_id: str
    aggregate_id: str


Translate = Callable[[Envelope], Awaitable[list[Command]]]


class Policy:
    """An EventConsumer handler: translate each event, append the commands it calls for."""

    def __init__(
        self, side: WriteSide, translate: Translate, producer: AIOKafkaProducer, source: str
    ) -> None:
        self._side = side
        self._translate = translate
        self._producer = producer
        self._source = source

    async def handle(self, env: Envelope, record: ConsumerRecord[bytes, bytes]) -> None:
        for command in await self._translate(env):
            await publish(
                self._producer,
                self._side.commands.name,
                envelope(
                    command.message,
                    event_id=command.command_id,
                    source=self._source,
                    subject=command.aggregate_id,
                    time_ms=int(time.time() * 1000),
                    correlation_id=env.correlation_id,
                ),
            )
