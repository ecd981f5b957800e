"""The input handler with a fake log: each input notifies once, however often it arrives."""

from __future__ import annotations

import pytest
from livebid.bidding.v1 import public_events_pb2 as bid
from livebid.catalog.v1 import events_pb2 as cat
from livebid.common.v1.money_pb2 import Money
from notifications_builders import AUCTION, SHOW, env, record

from livebid_notifications import codec
from livebid_notifications.audience import FollowersStore
from livebid_notifications.domain.inbox import InvalidEvent, Notification, NotificationKind
from livebid_notifications.inbox_store import InboxStore
from livebid_notifications.notifier import Notifier

OUTBID = bid.BidderOutbid(
    auction_id=AUCTION,
    show_id=SHOW,
    bidder_id="ann",
    price=Money(amount_cents=1500, currency="USD"),
    at_ms=7_000,
)


class FakeLog:
    """The inbox log: appended notifications, read back into the store when `deliver` runs."""

    def __init__(self, store: InboxStore) -> None:
        self.store = store
        self.appended: list[Notification] = []

    async def append(self, notification: Notification, correlation_id: str) -> None:
        self.appended.append(notification)

    def deliver(self) -> None:
        for offset, n in enumerate(self.appended):
            logged = env(
                codec.notification_to_proto(n),
                f"{n.user_id}/{n.source_event_id}",
                subject=n.user_id,
            )
            self.store.apply_record(record(logged, offset))


@pytest.fixture
def log() -> FakeLog:
    return FakeLog(InboxStore())


async def test_an_input_event_becomes_one_notification(log: FakeLog) -> None:
    notifier = Notifier(log.store, log.append)
    await notifier.handle(env(OUTBID, "ev-1"), record(env(OUTBID, "ev-1")))
    log.deliver()
    [n] = log.store.after("ann", 0)
    assert (n.kind, n.cursor, n.source_event_id, n.amount_cents) == (
        NotificationKind.OUTBID,
        1,
        "ev-1",
        1500,
    )


async def test_redelivery_before_or_after_the_log_is_read_back_notifies_once(log: FakeLog) -> None:
    notifier = Notifier(log.store, log.append)
    event = env(OUTBID, "ev-1")
    await notifier.handle(event, record(event))
    await notifier.handle(event, record(event))  # not yet read back from the log
    log.deliver()
    await notifier.handle(event, record(event))  # read back
    assert len(log.appended) == 1


async def test_a_restarted_service_skips_what_its_log_already_has(log: FakeLog) -> None:
    event = env(OUTBID, "ev-1")
    await Notifier(log.store, log.append).handle(event, record(event))
    restarted = FakeLog(InboxStore())
    restarted.appended = list(log.appended)
    restarted.deliver()  # the rebuild at startup
    await Notifier(restarted.store, restarted.append).handle(event, record(event))
    assert len(restarted.appended) == 1
    assert [n.cursor for n in restarted.store.after("ann", 0)] == [1]


async def test_types_that_notify_nobody_are_ignored(log: FakeLog) -> None:
    started = env(cat.ShowStarted(show_id=SHOW), "ev-2", subject=SHOW)
    await Notifier(log.store, log.append).handle(started, record(started))
    assert log.appended == []


async def test_a_malformed_input_raises_so_the_consumer_dead_letters_it(log: FakeLog) -> None:
    nobody = env(bid.BidderOutbid(auction_id=AUCTION, show_id=SHOW), "ev-3")
    with pytest.raises(InvalidEvent):
        await Notifier(log.store, log.append).handle(nobody, record(nobody))


def test_a_notification_round_trips_through_its_contract() -> None:
    n = Notification("ann", NotificationKind.WON, "ev-9", AUCTION, SHOW, 2500, "USD", "t", 9, 3)
    assert codec.notification_from_proto(codec.notification_to_proto(n)) == n


def catalog_record(message: cat.ShowScheduled | cat.SellerFollowed | cat.SellerUnfollowed, i: int):  # type: ignore[no-untyped-def]
    return record(env(message, f"cat-{i}", subject=SHOW), i)


async def test_a_show_starting_tells_each_follower_of_its_seller_once(log: FakeLog) -> None:
    audience = FollowersStore()
    catalog = [
        cat.ShowScheduled(show_id=SHOW, seller_id="sam", title="Vintage night"),
        cat.SellerFollowed(seller_id="sam", buyer_id="ann"),
        cat.SellerFollowed(seller_id="sam", buyer_id="bob"),
        cat.SellerFollowed(seller_id="sam", buyer_id="bob"),  # a repeat
        cat.SellerFollowed(seller_id="other", buyer_id="cy"),
        cat.SellerFollowed(seller_id="sam", buyer_id="dee"),
        cat.SellerUnfollowed(seller_id="sam", buyer_id="dee"),
    ]
    for i, message in enumerate(catalog):
        audience.apply_record(catalog_record(message, i))
    notifier = Notifier(log.store, log.append, audience)
    started = cat.ShowStarted(show_id=SHOW, seller_id="sam")
    for _ in range(2):  # redelivered: the inbox skips what it already holds
        await notifier.handle(env(started, "ev-start"), record(env(started, "ev-start")))
        log.deliver()
    assert [n.user_id for n in log.appended] == ["ann", "bob"]
    [n] = log.store.after("bob", 0)
    assert (n.kind, n.show_id, n.text) == (
        NotificationKind.SHOW_STARTED,
        SHOW,
        "sam is live now: Vintage night.",
    )
    assert log.store.after("cy", 0) == [] and log.store.after("dee", 0) == []
