"""Wake-ups for connections waiting on a key (a show, a user): the waiter then reads the
latest state itself, so a slow client skips intermediate states instead of queueing them."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager


class Changes:
    def __init__(self) -> None:
        self._waiters: dict[str, set[asyncio.Event]] = {}

    @contextmanager
    def watch(self, key: str) -> Iterator[asyncio.Event]:
        """An event set whenever `key` changes, for as long as the block runs."""
        event = asyncio.Event()
        self._waiters.setdefault(key, set()).add(event)
        try:
            yield event
        finally:
            waiters = self._waiters.get(key, set())
            waiters.discard(event)
            if not waiters:
                self._waiters.pop(key, None)

    def notify(self, key: str) -> None:
        for event in self._waiters.get(key, ()):
            event.set()

    def watched(self, key: str) -> int:
        return len(self._waiters.get(key, ()))
