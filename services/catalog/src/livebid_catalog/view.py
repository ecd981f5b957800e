"""The catalog's read model: every show, folded from the private log by the write side's
`Decisions`, plus where each listing lives (requests name a listing, commands a show)."""

from __future__ import annotations

from typing import Any

from livebid_catalog.domain.events import ListingAdded
from livebid_catalog.domain.show import Show
from livebid_catalog.write_side import CATALOG, SHOWS
from livebid_platform.writeside import Decisions


class CatalogView:
    def __init__(self) -> None:
        self.decisions = Decisions(CATALOG, observe=self._index)
        self._show_of_listing: dict[str, str] = {}

    def _index(self, event: Any, state: Any) -> None:
        if isinstance(event, ListingAdded):
            self._show_of_listing[event.listing_id] = event.show_id

    def show(self, show_id: str) -> Show | None:
        state: Show | None = self.decisions.state(SHOWS, show_id)
        return state

    def show_of_listing(self, listing_id: str) -> Show | None:
        show_id = self._show_of_listing.get(listing_id)
        return self.show(show_id) if show_id else None
