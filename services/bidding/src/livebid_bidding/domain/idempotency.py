"""Idempotency by command id: a command decided once is never decided again.

Clients retry with the same command id (their idempotency key). Every event names the
command that caused it, so the ids already decided are a fold over the aggregate's own
events and are rebuilt with it on replay; nothing outside the log is needed. A retried
command gets no new events: the adapter answers it with the events its first delivery
produced (the ones carrying its command id). A command that produced no events had no
effect, so deciding it again cannot have a second one.

This works for every aggregate here (auction, flash sale, giveaway): all their commands and
events carry `command_id`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar


class HasCommandId(Protocol):
    @property
    def command_id(self) -> str: ...


S = TypeVar("S")
C = TypeVar("C", bound=HasCommandId)
E = TypeVar("E", bound=HasCommandId)


@dataclass(frozen=True)
class SeenCommands:
    """The command ids that have produced events in one aggregate."""

    ids: frozenset[str] = frozenset()

    def __contains__(self, command_id: object) -> bool:
        return command_id in self.ids

    def evolve(self, event: HasCommandId) -> SeenCommands:
        """The seen ids after `event`."""
        if event.command_id in self.ids:
            return self
        return SeenCommands(self.ids | {event.command_id})

    @classmethod
    def of(cls, events: Iterable[HasCommandId]) -> SeenCommands:
        """The seen ids of an aggregate's event history."""
        return cls(frozenset(event.command_id for event in events))


def decide_once(
    decide: Callable[[S, C], list[E]], state: S, seen: SeenCommands, command: C
) -> list[E]:
    """`decide(state, command)`, or no events when the command id was already decided."""
    if command.command_id in seen:
        return []
    return decide(state, command)
