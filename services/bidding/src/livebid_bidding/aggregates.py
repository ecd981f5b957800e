"""The three kinds of aggregate the bidding processor decides: auctions, flash sales and
giveaways. Each is a pure domain module with `decide` and `evolve`; this table says which
commands and events belong to which, and which field holds the aggregate's id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from livebid_bidding.domain import auction, flash_sale, giveaway
from livebid_bidding.domain import commands as c
from livebid_bidding.domain import events as e


@dataclass(frozen=True)
class Kind:
    name: str
    id_field: str
    decide: Callable[[Any, Any], list[Any]]
    evolve: Callable[[Any, Any], Any]
    commands: tuple[type, ...]
    events: tuple[type, ...]

    def deadline(self, state: Any) -> int | None:
        """When the scheduler must append this aggregate's closing command, if it is open."""
        if self.name == "auction":
            return int(state.deadline_ms) if state.is_open else None
        if self.name == "flash_sale":
            return int(state.deadline_ms) if state.status == "open" else None
        return None if state.drawn else int(state.ends_at_ms)


AUCTION = Kind(
    "auction",
    "auction_id",
    auction.decide,
    auction.evolve,
    (c.OpenAuction, c.PlaceBid, c.CloseAuction, c.VoidAuction, c.BuyNow),
    (e.AuctionOpened, e.BidAccepted, e.BidRejected, e.AuctionClosed, e.AuctionVoided),
)
FLASH_SALE = Kind(
    "flash_sale",
    "sale_id",
    flash_sale.decide,
    flash_sale.evolve,
    (flash_sale.OpenFlashSale, flash_sale.BuyFlashSale, flash_sale.CloseFlashSale),
    (
        flash_sale.FlashSaleOpened,
        flash_sale.FlashSalePurchased,
        flash_sale.FlashSalePurchaseRejected,
        flash_sale.FlashSaleClosed,
    ),
)
GIVEAWAY = Kind(
    "giveaway",
    "giveaway_id",
    giveaway.decide,
    giveaway.evolve,
    (giveaway.OpenGiveaway, giveaway.EnterGiveaway, giveaway.DrawGiveaway),
    (
        giveaway.GiveawayOpened,
        giveaway.GiveawayEntered,
        giveaway.EntryRejected,
        giveaway.GiveawayDrawn,
    ),
)
KINDS = (AUCTION, FLASH_SALE, GIVEAWAY)
_BY_TYPE = {t: k for k in KINDS for t in (*k.commands, *k.events)}


def kind_of(message: object) -> Kind:
    try:
        return _BY_TYPE[type(message)]
    except KeyError:
        raise ValueError(f"not a bidding command or event: {type(message).__name__}") from None


def aggregate_id(message: object) -> str:
    return str(getattr(message, kind_of(message).id_field))
