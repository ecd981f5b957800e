"""Small builders for the notifications tests: events of one show and one auction."""

from __future__ import annotations

from aiokafka.structs import ConsumerRecord
from google.protobuf.message import Message

from livebid_notifications.domain import events as e
from livebid_platform.envelope import Envelope, envelope, to_headers

SHOW, LISTING, AUCTION = "show-1", "listing-1", "auction-1"


def started(deadline_ms: int = 60_000, price: int = 1000) -> e.AuctionStarted:
    return e.AuctionStarted(SHOW, AUCTION, LISTING, price, "USD", deadline_ms)


def high_bid(count: int, price: int, leader: str, deadline_ms: int = 60_000) -> e.HighBidChanged:
    return e.HighBidChanged(SHOW, AUCTION, price, "USD", leader, deadline_ms, count, price + 100)


def ended(winner: str = "", price: int = 0) -> e.AuctionEnded:
    """The end of the auction; without a winner it is unsold (as a voided one is)."""
    sold = bool(winner)
    return e.AuctionEnded(SHOW, AUCTION, LISTING, sold, winner, price, "USD", 61_000, 60_000)


def env(message: Message, event_id: str, subject: str = AUCTION, time_ms: int = 1_000) -> Envelope:
    return envelope(message, event_id=event_id, source="test", subject=subject, time_ms=time_ms)


def record(env: Envelope, offset: int = 0, partition: int = 0) -> ConsumerRecord[bytes, bytes]:
    return ConsumerRecord(
        topic="t",
        partition=partition,
        offset=offset,
        timestamp=env.time_ms,
        timestamp_type=0,
        key=env.key,
        value=env.message.SerializeToString(),
        checksum=None,
        serialized_key_size=len(env.key),
        serialized_value_size=0,
        headers=to_headers(env),
    )
