"""Translation between the pure domain and the protobuf contracts. Nothing else."""

from __future__ import annotations

import typing

from google.protobuf.message import Message
from livebid.catalog.v1 import events_pb2 as pb
from livebid.common.v1.money_pb2 import Money

from livebid_catalog.domain import events as e
from livebid_platform.envelope import Envelope, envelope

SOURCE = "livebid.catalog"
_KEY = "/key="  # the first occurrence is ours: refs and indexes never contain it


def money(cents: int, currency: str) -> Money:
    return Money(amount_cents=cents, currency=currency)


def event_to_proto(event: e.Event) -> Message:
    """A domain event as its public message (field names match one to one)."""
    if isinstance(event, e.ListingAdded):
        fields = {
            k: v
            for k, v in vars(event).items()
            if k not in ("starting_price_cents", "buy_now_price_cents", "currency")
        }
        msg = pb.ListingAdded(
            **fields, starting_price=money(event.starting_price_cents, event.currency)
        )
        if event.buy_now_price_cents:
            msg.buy_now_price.CopyFrom(money(event.buy_now_price_cents, event.currency))
        return msg
    if isinstance(event, e.PutUp):
        # Every field but the seller's key, which travels in the event id (see event_ids).
        fields = {k: v for k, v in vars(event).items() if k != "idempotency_key"}
        put_up: Message = getattr(pb, type(event).__name__)(**fields)
        return put_up
    message: Message = getattr(pb, type(event).__name__)(**vars(event))
    return message


def event_ids(events: list[e.Event], command_ref: str) -> list[str]:
    """Ids for the events of one command: the same command always yields the same ids.

    The public contract has no field for the seller's idempotency key of a put-up, and other
    consumers have no use for it, so it travels in that event's id and comes back on rebuild.
    """
    ids = []
    for i, event in enumerate(events):
        key = event.idempotency_key if isinstance(event, e.PutUp) else ""
        ids.append(f"{command_ref}/{i}{_KEY + key if key else ''}")
    return ids


def to_envelope(event: e.Event, event_id: str, time_ms: int) -> Envelope:
    return envelope(
        event_to_proto(event),
        event_id=event_id,
        source=SOURCE,
        subject=event.show_id,
        time_ms=time_ms,
    )


def event_from_envelope(env: Envelope) -> e.Event:
    """A record of catalog.events.v1 as a domain event; ValueError if it is not one."""
    msg = env.message
    if isinstance(msg, pb.ListingAdded):
        return e.ListingAdded(
            listing_id=msg.listing_id,
            show_id=msg.show_id,
            seller_id=msg.seller_id,
            title=msg.title,
            description=msg.description,
            photo_urls=tuple(msg.photo_urls),
            category=msg.category,
            size=msg.size,
            brand=msg.brand,
            condition=msg.condition,
            quantity=msg.quantity,
            starting_price_cents=msg.starting_price.amount_cents,
            currency=msg.starting_price.currency,
            buy_now_price_cents=msg.buy_now_price.amount_cents,
            shipping_profile=msg.shipping_profile,
            run_order=msg.run_order,
        )
    cls = getattr(e, type(msg).__name__, None)
    if cls is None or msg.DESCRIPTOR.file is not pb.DESCRIPTOR:
        raise ValueError(f"not a catalog event: {msg.DESCRIPTOR.full_name}")
    fields = {f.name: getattr(msg, f.name) for f in msg.DESCRIPTOR.fields}
    if cls in _PUT_UPS:
        fields["idempotency_key"] = env.event_id.partition(_KEY)[2]
    return cls(**fields)  # type: ignore[no-any-return]


_PUT_UPS = frozenset(typing.get_args(e.PutUp))
