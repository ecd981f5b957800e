"""Versioned bid-increment tables.

A table is data, named by a versioned id that each auction records when it opens, so a
replay decides with the table that was in force, even after the tables change.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IncrementTable:
    """Steps of (lowest price in cents, increment in cents), ascending by price."""

    table_id: str
    steps: tuple[tuple[int, int], ...]

    def increment_at(self, price_cents: int) -> int:
        """The increment that applies when the displayed price is `price_cents`."""
        increment = self.steps[0][1]
        for floor, step in self.steps:
            if price_cents >= floor:
                increment = step
            else:
                break
        return increment


# eBay's US table (see shared/data/ebay-auctions/README.md), in cents.
EBAY_US_V1 = IncrementTable(
    "ebay-us-v1",
    (
        (0, 5),
        (100, 25),
        (500, 50),
        (2500, 100),
        (10000, 250),
        (25000, 500),
        (50000, 1000),
        (100000, 2500),
        (250000, 5000),
        (500000, 10000),
    ),
)

# Whatnot-style table: whole-dollar steps that suit fast live auctions.
WHATNOT_V1 = IncrementTable(
    "whatnot-v1",
    (
        (0, 100),
        (2000, 200),
        (10000, 500),
        (50000, 1000),
        (100000, 2500),
        (500000, 10000),
    ),
)

TABLES: dict[str, IncrementTable] = {t.table_id: t for t in (EBAY_US_V1, WHATNOT_V1)}
DEFAULT_TABLE_ID = WHATNOT_V1.table_id


def table(table_id: str) -> IncrementTable:
    """Look a table up by id; unknown ids are a programming or input error."""
    try:
        return TABLES[table_id]
    except KeyError:
        raise ValueError(f"unknown increment table {table_id!r}") from None
