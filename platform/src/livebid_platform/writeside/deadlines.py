"""Deadlines to commands: when the wall clock passes an aggregate's deadline, the runtime
appends the command that ends it (its decider's `on_deadline`) to the aggregate's stream.

The wall clock only decides WHEN to append; whether the aggregate ends is decided later
from the command's log time, so a command appended before the end is still honoured. If
the broker's clock runs behind ours, an end may be stamped just before the deadline and be
ignored as early: so a deadline stays watched, and is asked for again a second later, until
the aggregate is seen ended or its deadline moves.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass

RETRY_MS = 1000
# (decider name, aggregate id, partition, deadline) -> is that still the aggregate's deadline?
StillDue = Callable[[str, str, int, int], bool]


@dataclass(frozen=True)
class Due:
    deadline: int
    decider: str
    aggregate_id: str
    partition: int
    attempt: int

    @property
    def command_id(self) -> str:
        """The same deadline always asks with the same id; a retry adds its attempt."""
        retry = f":{self.attempt}" if self.attempt else ""
        return f"{self.decider}-deadline:{self.aggregate_id}:{self.deadline}{retry}"


class Deadlines:
    def __init__(self) -> None:
        self._heap: list[tuple[int, int, str, str, int]] = []  # (fire at, deadline, ...)
        self._fire_at: dict[tuple[str, int], int] = {}
        self._attempts: dict[tuple[str, int], int] = {}

    def watch(self, deadline: int | None, decider: str, aggregate_id: str, partition: int) -> None:
        if deadline is None or (aggregate_id, deadline) in self._fire_at:
            return
        self._fire_at[(aggregate_id, deadline)] = deadline
        heapq.heappush(self._heap, (deadline, deadline, decider, aggregate_id, partition))

    def due(self, now_ms: int, still_due: StillDue) -> list[Due]:
        """The deadlines to ask an ending command for now."""
        out = []
        while self._heap and self._heap[0][0] <= now_ms:
            fire_at, deadline, decider, aggregate_id, partition = heapq.heappop(self._heap)
            key = (aggregate_id, deadline)
            if self._fire_at.get(key) != fire_at:
                continue  # superseded by a later entry for the same deadline
            if not still_due(decider, aggregate_id, partition, deadline):
                self._fire_at.pop(key, None)
                self._attempts.pop(key, None)
                continue
            attempt = self._attempts.get(key, 0)
            self._attempts[key] = attempt + 1
            self._fire_at[key] = now_ms + RETRY_MS
            heapq.heappush(
                self._heap, (now_ms + RETRY_MS, deadline, decider, aggregate_id, partition)
            )
            out.append(Due(deadline, decider, aggregate_id, partition, attempt))
        return out
