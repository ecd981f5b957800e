"""Builders for the bundle's rule tests: a sale's order, and folding events."""

from __future__ import annotations

from typing import Any

from livebid_orders import bundle as b
from livebid_orders.domain import PlaceOrder, bundle_id_for

BUNDLE = bundle_id_for("show-1", "sam", "bea")
PROFILE = "per_item=500,cap=1200,free_above=10000"


def order(n: int, price: int = 2000, at_ms: int = 1_000) -> PlaceOrder:
    return PlaceOrder(
        f"ord-{n}",
        f"auc-{n}",
        f"lst-{n}",
        "show-1",
        "sam",
        "bea",
        price,
        "USD",
        at_ms,
        BUNDLE,
        PROFILE,
    )


def fold(events: list[Any], state: b.Bundle | None = None) -> b.Bundle | None:
    for event in events:
        state = b.evolve(state, event)
    return state


def run(state: b.Bundle | None, *commands: Any) -> tuple[b.Bundle | None, list[Any]]:
    """Decide and fold each command in turn: (the bundle after, every event)."""
    out: list[Any] = []
    for command in commands:
        events = b.decide(state, command)
        state = fold(events, state)
        out += events
    return state, out
