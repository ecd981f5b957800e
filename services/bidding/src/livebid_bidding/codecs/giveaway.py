"""Giveaways on the wire: mirrored messages, public as they are except refusals."""

from __future__ import annotations

import secrets

from google.protobuf.message import Message
from livebid.bidding.v1 import giveaways_pb2 as pb

from livebid_bidding.domain import giveaway as gw
from livebid_platform.writeside import Decider
from livebid_platform.writeside.mirrored import mirrored_codec, to_proto

CODEC = mirrored_codec(
    pb,
    commands=(gw.OpenGiveaway, gw.EnterGiveaway, gw.DrawGiveaway),
    events=(gw.GiveawayOpened, gw.GiveawayEntered, gw.EntryRejected, gw.GiveawayDrawn),
)


def public_events(event: object, state: gw.Giveaway | None) -> list[Message]:
    """Nothing in a giveaway is private, but a refused entry is told only to its entrant."""
    if isinstance(event, gw.EntryRejected):
        return []
    return [to_proto(event, pb)]


def draw(giveaway_id: str, command_id: str) -> pb.DrawGiveaway:
    """The draw at the end of the entry window. The seed is drawn here, once, and recorded
    in the command and the GiveawayDrawn event: a replay reads it instead of drawing again."""
    return pb.DrawGiveaway(
        command_id=command_id, giveaway_id=giveaway_id, seed=secrets.token_hex(16)
    )


DECIDER = Decider(
    name="giveaway",
    decide=gw.decide,
    evolve=gw.evolve,
    aggregate_id=lambda message: str(message.giveaway_id),
    codec=CODEC,
    public=public_events,
    deadline=lambda state: None if state.drawn else int(state.ends_at_ms),
    on_deadline=draw,
)
