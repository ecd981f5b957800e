"""The catalog's private log round-trips through protobuf (a rebuild gives the same shows),
and its public translation carries no sale terms: never a reserve, never a seller's key."""

from __future__ import annotations

from dataclasses import replace

from catalog_builders import LIVE, TERMS
from livebid.catalog.internal.v1 import write_side_pb2 as internal
from livebid.catalog.v1 import events_pb2 as pub

from livebid_catalog.codec import CODEC, public_events
from livebid_catalog.domain.commands import PutUpForAuction
from livebid_catalog.domain.events import Event
from livebid_catalog.domain.show import decide, fold
from livebid_catalog.write_side import CATALOG
from livebid_platform.writeside.mirrored import to_proto

SECRET_TERMS = replace(TERMS, reserve_price_cents=987_654)


def history() -> list[Event]:
    events: list[Event] = []
    commands = (*LIVE, PutUpForAuction("show-1", "seller-1", "listing-1", "key-9", SECRET_TERMS))
    for command in commands:
        events += decide(fold(events), command)
    return events


def test_every_private_event_survives_the_wire() -> None:
    events = history()
    decoded = [CATALOG.event(CODEC.event_to_proto(event))[1] for event in events]
    assert decoded == events
    assert fold(decoded) == fold(events)


def test_commands_survive_the_wire_with_their_terms() -> None:
    command = PutUpForAuction("show-1", "seller-1", "listing-1", "key-9", SECRET_TERMS)
    _, decoded = CATALOG.command(to_proto(command, internal), 5)
    assert decoded == command


def test_public_events_carry_no_reserve_and_no_key() -> None:
    events = history()
    show = fold(events)
    public = [m for event in events for m in public_events(event, show)]  # type: ignore[arg-type]
    put_up = next(m for m in public if isinstance(m, pub.ListingPutUpForAuction))
    assert put_up.auction_id and put_up.listing_id == "listing-1"
    wire = b"".join(m.SerializeToString() for m in public)
    assert b"key-9" not in wire
    assert all("reserve" not in f.name for m in public for f in m.DESCRIPTOR.fields)
