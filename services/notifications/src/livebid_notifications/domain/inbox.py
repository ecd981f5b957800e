"""Personal notifications: which input events tell whom what, and the per-user inbox.

A notification is derived from one input event, plus, for a show starting, who followed its
seller at the time (the `Audience`); so a replay of the inputs derives the same
notifications, except that a show's start reaches the followers known when it is replayed.
Replays never change the inbox itself: it is its own log. The inbox is a fold over the
notifications log: it skips a second record for the same (user, source event) and numbers
each user's entries 1, 2, 3 ... in log order, so every rebuild assigns the same cursors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from functools import singledispatch
from typing import Protocol

from livebid_notifications.domain import events as e


class NotificationKind(Enum):
    OUTBID = "outbid"
    WON = "won"
    ORDER_PLACED = "order_placed"
    SHOW_STARTED = "show_started"
    PAYMENT_FAILED = "payment_failed"
    ORDER_PAID = "order_paid"
    ORDER_CANCELLED = "order_cancelled"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    PAYOUT_SENT = "payout_sent"


class InvalidEvent(ValueError):
    """An input event that should notify someone but names nobody."""


@dataclass(frozen=True)
class Notification:
    user_id: str
    kind: NotificationKind
    source_event_id: str
    auction_id: str
    show_id: str
    amount_cents: int
    currency: str
    text: str
    at_ms: int
    cursor: int = 0  # assigned by the inbox fold; 0 until then
    order_id: str = ""  # for an order's notifications
    bundle_id: str = ""


def money_text(cents: int, currency: str) -> str:
    return f"{cents // 100}.{cents % 100:02d} {currency}".strip()


class Audience(Protocol):
    """What the notifier knows beyond the event: who follows whom, what a show is called."""

    def followers(self, seller_id: str) -> Iterable[str]: ...

    def show_title(self, show_id: str) -> str: ...


class NoAudience:
    def followers(self, seller_id: str) -> Iterable[str]:
        return ()

    def show_title(self, show_id: str) -> str:
        return ""


NOBODY = NoAudience()


def derive(source_event_id: str, event: e.Event, audience: Audience = NOBODY) -> list[Notification]:
    """The notifications an input event causes (none for most events).

    Each kind of event that tells someone something is one small rule below (an order's
    life: order_rules.py); a new one is one more `@rule.register`."""
    return rule(event, source_event_id, audience)


@singledispatch
def rule(event: e.Event, source: str, audience: Audience) -> list[Notification]:
    return []


@rule.register
def _(event: e.BidderOutbid, source: str, audience: Audience) -> list[Notification]:
    require(event.bidder_id, "BidderOutbid without bidder_id")
    amount = money_text(event.price_cents, event.currency)
    text = f"You were outbid: the high bid is now {amount}."
    kind = NotificationKind.OUTBID
    return [
        Notification(
            event.bidder_id,
            kind,
            source,
            event.auction_id,
            event.show_id,
            event.price_cents,
            event.currency,
            text,
            event.at_ms,
        )
    ]


@rule.register
def _(event: e.AuctionEnded, source: str, audience: Audience) -> list[Notification]:
    if not event.sold:
        return []
    require(event.winner_id, "sold AuctionEnded without winner_id")
    amount = money_text(event.price_cents, event.currency)
    text = f"You won the auction for {amount}."
    return [
        Notification(
            event.winner_id,
            NotificationKind.WON,
            source,
            event.auction_id,
            event.show_id,
            event.price_cents,
            event.currency,
            text,
            event.closed_at_ms,
        )
    ]


@rule.register
def _(event: e.GiveawayDrawn, source: str, audience: Audience) -> list[Notification]:
    if not event.winner_id:
        return []  # nobody entered
    # The notification's auction_id names the sale, here the giveaway.
    return [
        Notification(
            event.winner_id,
            NotificationKind.WON,
            source,
            event.giveaway_id,
            event.show_id,
            0,
            "",
            "You won the giveaway!",
            event.at_ms,
        )
    ]


@rule.register
def _(event: e.OrderPlaced, source: str, audience: Audience) -> list[Notification]:
    require(event.buyer_id, "OrderPlaced without buyer_id")
    amount = money_text(event.price_cents, event.currency)
    text = f"Order {event.order_id} placed: {amount}."
    return [
        Notification(
            event.buyer_id,
            NotificationKind.ORDER_PLACED,
            source,
            event.auction_id,
            event.show_id,
            event.price_cents,
            event.currency,
            text,
            event.placed_at_ms,
        )
    ]


@rule.register
def _(event: e.ShowStarted, source: str, audience: Audience) -> list[Notification]:
    if not event.seller_id:
        return []  # an old event without its seller: nobody to look up
    title = audience.show_title(event.show_id)
    text = (
        f"{event.seller_id} is live now: {title}." if title else f"{event.seller_id} is live now."
    )
    # Sorted, so a rebuild appends the same notifications in the same order.
    return [
        Notification(
            follower,
            NotificationKind.SHOW_STARTED,
            source,
            "",
            event.show_id,
            0,
            "",
            text,
            event.at_ms,
        )
        for follower in sorted(audience.followers(event.seller_id))
    ]


def require(user_id: str, problem: str) -> None:
    if not user_id:
        raise InvalidEvent(problem)


class Inbox:
    """Every user's inbox. Mutable so appends stay O(1); `apply` is its only writer."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Notification]] = {}
        self._sources: dict[str, set[str]] = {}

    def has(self, user_id: str, source_event_id: str) -> bool:
        return source_event_id in self._sources.get(user_id, ())

    def apply(self, notification: Notification) -> Notification | None:
        """Fold one logged notification: it with its cursor, or None for a repeat."""
        if self.has(notification.user_id, notification.source_event_id):
            return None
        entries = self._entries.setdefault(notification.user_id, [])
        entry = replace(notification, cursor=len(entries) + 1)
        entries.append(entry)
        self._sources.setdefault(notification.user_id, set()).add(notification.source_event_id)
        return entry

    def after(self, user_id: str, cursor: int, limit: int | None = None) -> list[Notification]:
        """The user's entries with a cursor above `cursor`, oldest first."""
        entries = self._entries.get(user_id, [])
        start = max(cursor, 0)  # cursor n is at index n - 1, so the next one is at index n
        return entries[start:] if limit is None else entries[start : start + limit]

    def last_cursor(self, user_id: str) -> int:
        return len(self._entries.get(user_id, ()))


# An order's rules live in their own module; importing it registers them with `rule`.
from livebid_notifications.domain import order_rules  # noqa: E402, F401
