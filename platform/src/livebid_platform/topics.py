"""Every Kafka topic of the platform, declared in code with its partitions and configs.

Topics are created explicitly (auto-creation is off on our brokers) by `ensure_topics`,
which each service calls at startup for the topics it touches, and which is idempotent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from livebid_platform.kafka_auth import client_config

log = logging.getLogger(__name__)

TOPIC_ALREADY_EXISTS = 36  # Kafka protocol error code

# Keep forever: these logs are the source of truth and are replayed to rebuild state.
_FOREVER = {"retention.ms": "-1", "retention.bytes": "-1"}
# The broker stamps each command with its append time: that is the command's time.
_COMMANDS = {**_FOREVER, "message.timestamp.type": "LogAppendTime"}


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    configs: dict[str, str] = field(default_factory=dict)
    # For the topics other teams may consume (the generated event catalog and AsyncAPI
    # document, `python -m livebid_devtools.event_catalog`): what the record key is, what
    # the topic is for, and every event type (protobuf full name) that may appear on it.
    key: str = ""
    about: str = ""
    events: tuple[str, ...] = ()

    @property
    def public(self) -> bool:
        return bool(self.events)


# Bidding commands and bidding's private events MUST have the same partition count: the
# processor that owns command partition N rebuilds its auctions from event partition N.
BIDDING_PARTITIONS = 6

BIDDING_COMMANDS = TopicSpec(
    "bidding.commands.v1",
    BIDDING_PARTITIONS,
    _COMMANDS,
)
BIDDING_INTERNAL = TopicSpec("bidding.internal.v1", BIDDING_PARTITIONS, _FOREVER)
BIDDING_EVENTS = TopicSpec(
    "bidding.events.v1",
    BIDDING_PARTITIONS,
    _FOREVER,
    key="the auction, flash sale or giveaway id",
    about="What happens in live sales: auctions, flash sales and giveaways, as they happen.",
    events=tuple(
        f"livebid.bidding.v1.{name}"
        for name in (
            "AuctionStarted",
            "HighBidChanged",
            "BidderOutbid",
            "AuctionEnded",
            "FlashSaleOpened",
            "FlashSalePurchased",
            "FlashSaleClosed",
            "GiveawayOpened",
            "GiveawayEntered",
            "GiveawayDrawn",
        )
    ),
)
# A write side's commands and private events share a partition count (see above); the
# partition count is how far its processors scale out.
CATALOG_PARTITIONS = 6
CATALOG_COMMANDS = TopicSpec("catalog.commands.v1", CATALOG_PARTITIONS, _COMMANDS)
CATALOG_INTERNAL = TopicSpec("catalog.internal.v1", CATALOG_PARTITIONS, _FOREVER)
CATALOG_EVENTS = TopicSpec(
    "catalog.events.v1",
    3,
    _FOREVER,
    key="the show id (the seller id for follows)",
    about="Shows, their listings and run order, what is put up for sale, and who follows whom.",
    events=tuple(
        f"livebid.catalog.v1.{name}"
        for name in (
            "ShowScheduled",
            "ShowStarted",
            "ShowEnded",
            "ListingAdded",
            "ListingPinned",
            "ListingPutUpForAuction",
            "ListingAuctionEnded",
            "ListingPutUpForFlashSale",
            "ListingFlashSaleEnded",
            "ListingPutUpForGiveaway",
            "ListingGiveawayEnded",
            "ListingSaleAbandoned",
            "ListingUnitRelisted",
            "SellerFollowed",
            "SellerUnfollowed",
        )
    ),
)
ORDERS_PARTITIONS = 6
ORDERS_COMMANDS = TopicSpec("orders.commands.v1", ORDERS_PARTITIONS, _COMMANDS)
ORDERS_INTERNAL = TopicSpec("orders.internal.v1", ORDERS_PARTITIONS, _FOREVER)
ORDERS_EVENTS = TopicSpec(
    "orders.events.v1",
    3,
    _FOREVER,
    key="the bundle id (v1.0 records: the order id)",
    about="Orders, one per unit sold, and their life after the sale: payment, bundles and "
    "shipping, cancellation, delivery, payout, and the ledger's postings.",
    events=tuple(
        f"livebid.orders.v1.{name}"
        for name in (
            "OrderPlaced",
            "PaymentRequested",
            "PaymentFailed",
            "OrderPaid",
            "OrderCancelled",
            "CancellationRequested",
            "CancellationDeclined",
            "ShippingChanged",
            "BundleShipped",
            "BundleDelivered",
            "PayoutReleased",
            "LedgerPosted",
        )
    ),
)
NOTIFICATIONS_INBOX = TopicSpec(
    "notifications.inbox.v1",
    3,
    _FOREVER,
    key="the user id",
    about="Each user's inbox of personal notifications, in order (the cursor is the offset).",
    events=("livebid.notifications.v1.Notification",),
)
DEAD_LETTER = TopicSpec("livebid.deadletter.v1", 1, _FOREVER)
# Bidding's commands hold maximum bids and reserves, so its rejects stay private too; so
# do the catalog's (its commands hold reserve prices).
BIDDING_DEAD_LETTER = TopicSpec("bidding.deadletter.v1", 1, _FOREVER)
CATALOG_DEAD_LETTER = TopicSpec("catalog.deadletter.v1", 1, _FOREVER)
# Orders' private log holds card and payment-provider references: its dead letters too.
ORDERS_DEAD_LETTER = TopicSpec("orders.deadletter.v1", 1, _FOREVER)

ALL_TOPICS = (
    BIDDING_COMMANDS,
    BIDDING_INTERNAL,
    BIDDING_EVENTS,
    CATALOG_COMMANDS,
    CATALOG_INTERNAL,
    CATALOG_EVENTS,
    ORDERS_COMMANDS,
    ORDERS_INTERNAL,
    ORDERS_EVENTS,
    NOTIFICATIONS_INBOX,
    DEAD_LETTER,
    BIDDING_DEAD_LETTER,
    CATALOG_DEAD_LETTER,
    ORDERS_DEAD_LETTER,
)


async def ensure_topics(
    bootstrap: str, specs: tuple[TopicSpec, ...] = ALL_TOPICS, replication_factor: int = 1
) -> None:
    """Create the topics that do not exist yet; existing ones are left as they are."""
    admin = AIOKafkaAdminClient(**client_config(bootstrap))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [s for s in specs if s.name not in existing]
        if not missing:
            return
        response = await admin.create_topics(
            [
                NewTopic(s.name, s.partitions, replication_factor, topic_configs=s.configs)
                for s in missing
            ]
        )
        # aiokafka reports per-topic failures in the response instead of raising.
        for name, code, *rest in getattr(response, "topic_errors", ()):
            if code not in (0, TOPIC_ALREADY_EXISTS):  # another service may have won the race
                raise RuntimeError(f"cannot create topic {name}: error {code} {rest}")
        log.info("created topics", extra={"fields": {"topics": [s.name for s in missing]}})
    finally:
        await admin.close()


async def topic_partitions(bootstrap: str, topic: str) -> list[int]:
    """The partition numbers of an existing topic (consumers without a group need them)."""
    admin = AIOKafkaAdminClient(**client_config(bootstrap))
    await admin.start()
    try:
        (description,) = await admin.describe_topics([topic])
    finally:
        await admin.close()
    if description["error_code"] != 0:
        raise RuntimeError(f"cannot describe topic {topic}: error {description['error_code']}")
    return sorted(p["partition"] for p in description["partitions"])
