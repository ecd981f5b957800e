"""The follows aggregate on the wire: mirrored in livebid.catalog.internal.v1, and published
as is on catalog.events.v1 (a follow holds nothing private)."""

from __future__ import annotations

from google.protobuf.message import Message
from livebid.catalog.internal.v1 import write_side_pb2 as internal
from livebid.catalog.v1 import events_pb2 as pub

from livebid_catalog.domain import follows as f
from livebid_platform.writeside import Decider
from livebid_platform.writeside.mirrored import mirrored_codec, to_proto


def public_events(event: f.Event, state: f.Followers) -> list[Message]:
    return [to_proto(event, pub)]


FOLLOWS = Decider(
    name="follows",
    decide=f.decide,
    evolve=f.evolve,
    aggregate_id=lambda message: str(message.seller_id),
    codec=mirrored_codec(
        internal,
        commands=(f.FollowSeller, f.UnfollowSeller),
        events=(f.SellerFollowed, f.SellerUnfollowed),
    ),
    public=public_events,
    refusals={f.CannotFollowSelf: "invalid"},
)
