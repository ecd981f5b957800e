"""Real eBay bid histories (shared/data/ebay-auctions) as bidding commands.

Used by the unit suite (replay on the pure domain) and the integration suite (replay
through Kafka and the processor): both must reproduce the recorded outcomes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from livebid_bidding.domain.commands import CloseAuction, Format, OpenAuction, PlaceBid

DAY_MS = 86_400_000


@dataclass(frozen=True)
class RecordedBid:
    bidder_id: str
    max_cents: int
    # Offset from the auction's start, in milliseconds of real (unscaled) time.
    offset_ms: int


@dataclass(frozen=True)
class RecordedAuction:
    auction_id: str
    opening_bid_cents: int
    duration_ms: int
    bids: tuple[RecordedBid, ...]
    expected_price_cents: int
    expected_winner: str
    reproducible: bool


def cents(dollars: str) -> int:
    """Dollars as written in the CSV to integer cents, exactly (no float rounding)."""
    return int((Decimal(dollars) * 100).to_integral_value())


def default_dataset_dir() -> Path:
    """shared/data/ebay-auctions beside the repository (as on CI and dev machines)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data" / "ebay-auctions"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("shared/data/ebay-auctions not found beside the repository")


def load_auctions(folder: Path | None = None) -> list[RecordedAuction]:
    """Every auction with its bids in replay order (bidtime, then file order)."""
    folder = folder or default_dataset_dir()
    rows: dict[str, list[dict[str, str]]] = {}
    with (folder / "auction.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            rows.setdefault(row["auctionid"], []).append(row)
    auctions = []
    with (folder / "expected.csv").open(newline="") as f:
        for exp in csv.DictReader(f):
            bids_rows = rows[exp["auctionid"]]
            ordered = sorted(enumerate(bids_rows), key=lambda ir: (float(ir[1]["bidtime"]), ir[0]))
            days = int(bids_rows[0]["auction_type"].split()[0])
            auctions.append(
                RecordedAuction(
                    auction_id=exp["auctionid"],
                    opening_bid_cents=min(cents(r["openbid"]) for r in bids_rows),
                    duration_ms=days * DAY_MS,
                    bids=tuple(
                        RecordedBid(
                            r["bidder"], cents(r["bid"]), round(float(r["bidtime"]) * DAY_MS)
                        )
                        for _, r in ordered
                    ),
                    expected_price_cents=cents(exp["closing_price"]),
                    expected_winner=exp["winner"],
                    reproducible=exp["reproducible"] == "yes",
                )
            )
    return auctions


def open_command(auction: RecordedAuction, at_ms: int, duration_ms: int) -> OpenAuction:
    """An eBay auction is a hard deadline (no soft close) on eBay's US increment table."""
    return OpenAuction(
        command_id=f"open-{auction.auction_id}",
        auction_id=auction.auction_id,
        listing_id=f"ebay-{auction.auction_id}",
        show_id="ebay-replay",
        seller_id="ebay-seller",
        format=Format.SUDDEN_DEATH,
        starting_price_cents=max(auction.opening_bid_cents, 1),
        currency="USD",
        duration_ms=duration_ms,
        counter_time_ms=0,
        increment_table="ebay-us-v1",
        at_ms=at_ms,
    )


def bid_commands(auction: RecordedAuction, start_ms: int, scale: float) -> list[PlaceBid]:
    """Each recorded bid as a pure maximum bid, at its (scaled) time after `start_ms`."""
    return [
        PlaceBid(
            command_id=f"{auction.auction_id}-{i}",
            auction_id=auction.auction_id,
            bidder_id=bid.bidder_id,
            amount_cents=0,
            max_amount_cents=bid.max_cents,
            at_ms=start_ms + int(bid.offset_ms * scale),
        )
        for i, bid in enumerate(auction.bids)
    ]


def close_command(auction: RecordedAuction, at_ms: int) -> CloseAuction:
    return CloseAuction(f"close-{auction.auction_id}", auction.auction_id, at_ms)
