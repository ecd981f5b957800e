"""The live show feed: each show's folded state, its viewers, and a change counter."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from typing import Any

from aiokafka import ConsumerRecord

from livebid_notifications import codec
from livebid_notifications.changes import Changes
from livebid_notifications.domain import events as e
from livebid_notifications.domain.live import LiveView, ShowLive, evolve, view
from livebid_platform.envelope import EnvelopeError, UnknownEventType, decode

log = logging.getLogger(__name__)


class LiveFeed:
    def __init__(self) -> None:
        self._shows: dict[str, ShowLive] = {}
        self._views: dict[str, LiveView] = {}
        self._viewers: dict[str, int] = {}
        # Per show, bumped on every change a viewer can see (state or viewer count).
        self._seq: dict[str, int] = {}
        # Which show a flash sale or giveaway belongs to: some of their events do not say.
        self._sale_shows: dict[str, str] = {}
        self.changes = Changes()

    def apply(self, event: e.ShowEvent) -> None:
        """Fold one event; viewers are woken only when what they see changed."""
        event = self._with_show(event)
        if not event.show_id:
            return  # a sale whose show this feed has not heard of (opened before its lookback)
        state = evolve(self._shows.get(event.show_id), event)
        self._shows[event.show_id] = state
        new_view = view(state)
        if self._views.get(event.show_id) != new_view:
            self._views[event.show_id] = new_view
            self._bump(event.show_id)

    def _with_show(self, event: e.ShowEvent) -> e.ShowEvent:
        sale_id = getattr(event, "sale_id", "") or getattr(event, "giveaway_id", "")
        if not sale_id:
            return event
        if event.show_id:
            self._sale_shows[sale_id] = event.show_id
            return event
        return replace(event, show_id=self._sale_shows.get(sale_id, ""))

    def apply_record(self, record: ConsumerRecord[bytes, bytes]) -> None:
        """Fold a record of the catalog or bidding topic; other types are not ours."""
        try:
            env = decode(record.value, record.headers)
        except UnknownEventType:
            return  # a type the live feed has no use for (flash sales, giveaways, newer ones)
        except EnvelopeError as exc:
            # The notifications consumer group dead-letters the same record; just note it.
            log.warning(
                "unreadable record in the live feed", extra={"fields": {"reason": str(exc)}}
            )
            return
        event = codec.input_event(env.message, env.time_ms)
        if isinstance(event, e.ShowEvent):  # not the personal ones (outbid, follows, orders)
            self.apply(event)

    @contextmanager
    def viewing(self, show_id: str) -> Iterator[None]:
        """Count a connected viewer for the duration of the block."""
        self._viewers[show_id] = self._viewers.get(show_id, 0) + 1
        self._bump(show_id)
        try:
            yield
        finally:
            self._viewers[show_id] -= 1
            if not self._viewers[show_id]:
                del self._viewers[show_id]
            self._bump(show_id)
            if show_id not in self._views and show_id not in self._viewers:
                self._seq.pop(show_id, None)  # a show nobody knows leaves nothing behind

    def shows(self) -> list[LiveView]:
        """Every show the catalog has told of, live ones first, then scheduled, then ended."""
        order = {"live": 0, "scheduled": 1, "ended": 2}
        known = [v for v in self._views.values() if v.show_status in order]
        return sorted(known, key=lambda v: (order[v.show_status], v.show_title, v.show_id))

    def seq(self, show_id: str) -> int:
        return self._seq.get(show_id, 0)

    def snapshot(self, show_id: str, now_ms: int) -> dict[str, Any]:
        """The JSON message a viewer gets: the whole visible state, never a diff."""
        state = self._views.get(show_id) or view(ShowLive(show_id))
        return {
            "type": "show_state",
            "seq": self.seq(show_id),
            "now_ms": now_ms,
            "viewers": self._viewers.get(show_id, 0),
            **asdict(state),
        }

    def _bump(self, show_id: str) -> None:
        self._seq[show_id] = self._seq.get(show_id, 0) + 1
        self.changes.notify(show_id)
