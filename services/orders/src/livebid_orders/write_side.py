"""The orders write side: one aggregate, the bundle (a show's orders of one buyer from one
seller), keyed by its id."""

from __future__ import annotations

from livebid_orders.codec import DECIDER
from livebid_platform.topics import (
    ORDERS_COMMANDS,
    ORDERS_DEAD_LETTER,
    ORDERS_EVENTS,
    ORDERS_INTERNAL,
)
from livebid_platform.writeside import WriteSide

ORDERS = WriteSide(
    name="orders",
    source="livebid.orders",
    commands=ORDERS_COMMANDS,
    private=ORDERS_INTERNAL,
    public=ORDERS_EVENTS,
    dead_letter=ORDERS_DEAD_LETTER,
    deciders=(DECIDER,),
)
