"""The catalog's write side: two aggregates, the show (its listings live inside it) and a
seller's followers."""

from __future__ import annotations

from livebid_catalog.codec import DECIDER
from livebid_catalog.follows_codec import FOLLOWS
from livebid_platform.topics import (
    CATALOG_COMMANDS,
    CATALOG_DEAD_LETTER,
    CATALOG_EVENTS,
    CATALOG_INTERNAL,
)
from livebid_platform.writeside import WriteSide

CATALOG = WriteSide(
    name="catalog",
    source="livebid.catalog",
    commands=CATALOG_COMMANDS,
    private=CATALOG_INTERNAL,
    public=CATALOG_EVENTS,
    # Commands hold reserve prices: the catalog's dead letters stay its own.
    dead_letter=CATALOG_DEAD_LETTER,
    deciders=(DECIDER, FOLLOWS),
)
SHOWS = DECIDER
