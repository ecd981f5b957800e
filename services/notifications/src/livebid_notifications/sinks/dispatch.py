"""Fans notifications out to the sinks: one queue and one worker per sink, so a slow or
failing endpoint delays only its own deliveries. Each delivery is retried with exponential
backoff; one that keeps failing is dead-lettered with the reason, and the worker moves on."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from livebid_notifications.domain.inbox import Notification
from livebid_notifications.sinks.port import Sink

log = logging.getLogger(__name__)

Ref = TypeVar("Ref")  # what a dead letter copies (the inbox record), opaque here
DeadLetter = Callable[[Ref, str], Awaitable[None]]


@dataclass(frozen=True)
class Backoff:
    attempts: int = 5
    first_delay_s: float = 0.5
    max_delay_s: float = 30.0

    def delay(self, attempt: int) -> float:
        return min(self.first_delay_s * 2.0 ** (attempt - 1), self.max_delay_s)


class Dispatcher(Generic[Ref]):
    def __init__(
        self,
        sinks: list[Sink],
        dead_letter: DeadLetter[Ref],
        backoff: Backoff = Backoff(),
        backlog: int = 10_000,
    ) -> None:
        self._sinks = sinks
        self._dead_letter = dead_letter
        self._backoff = backoff
        self._queues = [asyncio.Queue[tuple[Notification, Ref]](backlog) for _ in sinks]

    async def offer(self, notification: Notification, ref: Ref) -> None:
        """Queue a notification for every sink; never waits on a delivery."""
        for sink, queue in zip(self._sinks, self._queues, strict=True):
            try:
                queue.put_nowait((notification, ref))
            except asyncio.QueueFull:
                await self._dead_letter(ref, f"{sink.name}: backlog full")

    async def run(self) -> None:
        """One worker per sink, until cancelled."""
        async with asyncio.TaskGroup() as group:
            for sink, queue in zip(self._sinks, self._queues, strict=True):
                group.create_task(self._work(sink, queue))

    async def idle(self) -> None:
        """Returns once every queued delivery is done (delivered or dead-lettered)."""
        for queue in self._queues:
            await queue.join()

    async def _work(self, sink: Sink, queue: asyncio.Queue[tuple[Notification, Ref]]) -> None:
        while True:
            notification, ref = await queue.get()
            try:
                await self._deliver(sink, notification, ref)
            except Exception:
                # Even the dead letter failed; the worker stays up for the next ones.
                log.exception("could not dead-letter a delivery", extra={"fields": {}})
            finally:
                queue.task_done()

    async def _deliver(self, sink: Sink, notification: Notification, ref: Ref) -> None:
        for attempt in range(1, self._backoff.attempts + 1):
            try:
                await sink.deliver(notification)
                return
            except Exception as exc:
                reason = f"{sink.name}: {type(exc).__name__}: {exc}"
                if attempt == self._backoff.attempts:
                    reason += f" (after {attempt} attempts)"
                    await self._dead_letter(ref, reason)
                    return
                log.info("delivery failed, will retry", extra={"fields": {"reason": reason}})
                await asyncio.sleep(self._backoff.delay(attempt))
