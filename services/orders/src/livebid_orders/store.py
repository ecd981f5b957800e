"""The orders read side's indexes over the fold of the private log (`Decisions` holds each
bundle; this finds them): bundles by buyer, seller and show, the bundle of each order, and
every ledger posting by show. Fed by `Decisions`' observer, so it is rebuilt with it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from livebid_orders import messages as m
from livebid_orders.domain import OrderPlaced


class OrderIndex:
    def __init__(self) -> None:
        self.bundle_of: dict[str, str] = {}  # order id -> bundle id
        self._by: dict[str, defaultdict[str, list[str]]] = {
            "buyer": defaultdict(list),
            "seller": defaultdict(list),
            "show": defaultdict(list),
        }
        self.postings: defaultdict[str, list[m.LedgerPosted]] = defaultdict(list)

    def observe(self, event: Any, state: Any) -> None:
        """Index one event of the fold (the Decisions observer)."""
        if isinstance(event, OrderPlaced) and event.order_id not in self.bundle_of:
            self.bundle_of[event.order_id] = event.bundle_id
            for by, value in (
                ("buyer", event.buyer_id),
                ("seller", event.seller_id),
                ("show", event.show_id),
            ):
                if event.bundle_id not in self._by[by][value]:
                    self._by[by][value].append(event.bundle_id)
        elif isinstance(event, m.LedgerPosted):
            self.postings[event.show_id].append(event)

    def bundles(self, by: str, value: str) -> list[str]:
        """The bundle ids of one buyer, seller or show, oldest first."""
        return list(self._by[by].get(value, []))
