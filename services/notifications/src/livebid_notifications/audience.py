"""The followers read model: who follows each seller, and each show's title, folded from
catalog.events.v1 by a Follower. The notifier reads it when a show starts."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from aiokafka import ConsumerRecord

from livebid_notifications import codec
from livebid_notifications.domain import events as e
from livebid_platform.envelope import EnvelopeError, UnknownEventType, decode

log = logging.getLogger(__name__)


class FollowersStore:
    def __init__(self) -> None:
        self._followers: dict[str, set[str]] = {}
        self._titles: dict[str, str] = {}

    def followers(self, seller_id: str) -> Iterable[str]:
        return frozenset(self._followers.get(seller_id, ()))

    def show_title(self, show_id: str) -> str:
        return self._titles.get(show_id, "")

    def apply(self, event: e.Event) -> None:
        """Fold one catalog event; a follow and its unfollow share a key, so they are in order,
        and both are set operations, so a repeat changes nothing."""
        if isinstance(event, e.SellerFollowed):
            self._followers.setdefault(event.seller_id, set()).add(event.buyer_id)
        elif isinstance(event, e.SellerUnfollowed):
            self._followers.get(event.seller_id, set()).discard(event.buyer_id)
        elif isinstance(event, e.ShowScheduled):
            self._titles[event.show_id] = event.title

    def apply_record(self, record: ConsumerRecord[bytes, bytes]) -> None:
        try:
            env = decode(record.value, record.headers)
        except UnknownEventType:
            return
        except EnvelopeError as exc:
            # The notifications consumer group dead-letters the same record; just note it.
            log.warning("unreadable catalog record", extra={"fields": {"reason": str(exc)}})
            return
        event = codec.input_event(env.message, env.time_ms)
        if event is not None:
            self.apply(event)
