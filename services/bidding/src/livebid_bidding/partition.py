"""The state of one partition of the bidding stream: its aggregates and the ids of the
commands already decided there (a retried command has no second effect)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from livebid_bidding.aggregates import Kind, aggregate_id, kind_of

Key = tuple[str, str]  # (kind name, aggregate id)


@dataclass
class PartitionState:
    states: dict[Key, Any] = field(default_factory=dict)
    seen_commands: set[str] = field(default_factory=set)

    def get(self, kind: Kind, aggregate: str) -> Any:
        return self.states.get((kind.name, aggregate))

    def apply(self, event: Any) -> Any:
        """Fold one event in; returns the aggregate's new state."""
        kind = kind_of(event)
        key = (kind.name, aggregate_id(event))
        state = kind.evolve(self.states.get(key), event)
        if state is not None:  # a refusal for an unknown aggregate creates nothing
            self.states[key] = state
        self.seen_commands.add(event.command_id)
        return state
