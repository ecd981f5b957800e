"""The processor's per-partition fold, as used when it rebuilds from the private log."""

from livebid_bidding.domain.events import BidRejected, RejectionReason
from livebid_bidding.domain.flash_sale import FlashSalePurchaseRejected, FlashSaleRejectionReason
from livebid_bidding.domain.giveaway import EntryRejected, EntryRejectionReason
from livebid_bidding.write_side import AUCTIONS, FLASH_SALES, GIVEAWAYS
from livebid_platform.writeside.partition import PartitionState


def test_a_refusal_for_an_unknown_auction_creates_no_state() -> None:
    part = PartitionState()
    refused = BidRejected("ghost", "bid:x:1", "x", 100, 5, RejectionReason.AUCTION_NOT_FOUND, 0)
    assert part.apply(AUCTIONS, refused) is None
    assert part.states == {}


def test_refusals_for_unknown_flash_sales_and_giveaways_create_no_state() -> None:
    part = PartitionState()
    sold = FlashSalePurchaseRejected(
        "ghost-sale", "buy:x:1", "x", 1, 5, FlashSaleRejectionReason.NOT_FOUND, 0
    )
    entry = EntryRejected("ghost-giveaway", "enter:x:1", "x", 5, EntryRejectionReason.NOT_FOUND)
    assert part.apply(FLASH_SALES, sold) is None and part.apply(GIVEAWAYS, entry) is None
    assert part.states == {}
