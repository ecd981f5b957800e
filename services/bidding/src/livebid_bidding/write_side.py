"""Bidding's write side: its aggregates, one registration line each, and its topics.

A new sale format needs a pure domain module, a codec module ending with its DECIDER, and
one line below.
"""

from __future__ import annotations

from livebid_bidding.codecs import auction, flash_sale, giveaway
from livebid_platform.topics import (
    BIDDING_COMMANDS,
    BIDDING_DEAD_LETTER,
    BIDDING_EVENTS,
    BIDDING_INTERNAL,
)
from livebid_platform.writeside import WriteSide

BIDDING = WriteSide(
    name="bidding",
    source="livebid.bidding",
    commands=BIDDING_COMMANDS,
    private=BIDDING_INTERNAL,
    public=BIDDING_EVENTS,
    # Commands hold maximum bids and reserves: bidding's dead letters stay its own.
    dead_letter=BIDDING_DEAD_LETTER,
    deciders=(
        auction.DECIDER,
        flash_sale.DECIDER,
        giveaway.DECIDER,
    ),
)
AUCTIONS, FLASH_SALES, GIVEAWAYS = BIDDING.deciders
