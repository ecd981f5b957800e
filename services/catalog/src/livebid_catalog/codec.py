"""The catalog on the wire: commands and private events mirrored in livebid.catalog.internal.v1,
their public translation to livebid.catalog.v1, and the show DECIDER."""

from __future__ import annotations

from google.protobuf.message import Message
from livebid.catalog.internal.v1 import write_side_pb2 as internal
from livebid.catalog.v1 import events_pb2 as pub
from livebid.common.v1.money_pb2 import Money

from livebid_catalog.domain import commands as c
from livebid_catalog.domain import events as e
from livebid_catalog.domain import show
from livebid_platform.writeside import Decider
from livebid_platform.writeside.mirrored import mirrored_codec

CODEC = mirrored_codec(
    internal,
    commands=(
        c.ScheduleShow,
        c.AddListing,
        c.StartShow,
        c.EndShow,
        c.PutUpForAuction,
        c.PutUpForFlashSale,
        c.PutUpForGiveaway,
        c.EndListingAuction,
        c.EndListingFlashSale,
        c.EndListingGiveaway,
        c.AbandonSale,
        c.RelistUnit,
    ),
    events=(
        e.ShowScheduled,
        e.ShowStarted,
        e.ShowEnded,
        e.ListingAdded,
        e.ListingPinned,
        e.ListingPutUpForAuction,
        e.ListingAuctionEnded,
        e.ListingPutUpForFlashSale,
        e.ListingFlashSaleEnded,
        e.ListingPutUpForGiveaway,
        e.ListingGiveawayEnded,
        e.ListingSaleAbandoned,
        e.ListingUnitRelisted,
    ),
)


def money(cents: int, currency: str) -> Money:
    return Money(amount_cents=cents, currency=currency)


def public_events(event: e.Event, state: show.Show) -> list[Message]:
    """The public message of a private event: only the fields the public contract has, so a
    reserve or a seller's key can never leak into catalog.events.v1."""
    if isinstance(event, e.ListingAdded):
        fields = {
            k: v
            for k, v in vars(event).items()
            if k not in ("starting_price_cents", "buy_now_price_cents", "currency")
        }
        msg = pub.ListingAdded(
            **fields, starting_price=money(event.starting_price_cents, event.currency)
        )
        if event.buy_now_price_cents:
            msg.buy_now_price.CopyFrom(money(event.buy_now_price_cents, event.currency))
        return [msg]
    public_cls: type[Message] = getattr(pub, type(event).__name__)
    names = public_cls.DESCRIPTOR.fields_by_name
    return [public_cls(**{k: v for k, v in vars(event).items() if k in names})]


DECIDER = Decider(
    name="show",
    decide=show.decide,
    evolve=show.evolve,
    aggregate_id=lambda message: str(message.show_id),
    codec=CODEC,
    public=public_events,
    refusals={
        show.InvalidCommand: "invalid",
        show.NotFound: "not_found",
        show.NotSeller: "not_seller",
        show.NotNow: "not_now",
    },
)
