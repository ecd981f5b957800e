"""Bidding's answers: requests checked before they become commands, and decisions and
states turned into responses. A response never includes anyone's maximum or a reserve."""

from __future__ import annotations

from livebid.bidding.v1 import bidding_service_pb2 as api_pb
from livebid.bidding.v1 import commands_pb2 as cmd_pb
from livebid.bidding.v1 import flash_sales_pb2 as flash_pb
from livebid.bidding.v1 import giveaways_pb2 as giveaway_pb
from livebid.bidding.v1 import public_events_pb2 as pub

from livebid_bidding.codecs import auction as auction_codec
from livebid_bidding.domain import flash_sale as fs
from livebid_bidding.domain import giveaway as gw
from livebid_bidding.domain.auction import Auction
from livebid_bidding.domain.events import AuctionClosed, BidAccepted, BidRejected
from livebid_bidding.domain.increments import TABLES
from livebid_platform.writeside.mirrored import to_proto


def open_problem(cmd: cmd_pb.OpenAuction) -> str:
    if not (cmd.auction_id and cmd.listing_id and cmd.seller_id):
        return "auction_id, listing_id and seller_id are required"
    if cmd.starting_price.amount_cents <= 0 or not cmd.starting_price.currency:
        return "starting_price must be positive, with a currency"
    if cmd.duration_ms <= 0 or cmd.counter_time_ms < 0:
        return "duration_ms must be positive and counter_time_ms not negative"
    if cmd.format == pub.FORMAT_UNSPECIFIED:
        return "format is required"
    if cmd.increment_table not in TABLES:
        return f"increment_table must be one of {sorted(TABLES)}"
    return ""


def bid_response(event: object, state: Auction | None, bidder_id: str) -> api_pb.PlaceBidResponse:
    """The caller's answer. It never includes anyone's maximum."""
    response = api_pb.PlaceBidResponse()
    if state is not None:  # None: no such auction
        response.price.CopyFrom(
            auction_codec.money(state.price_cents or state.starting_price_cents, state.currency)
        )
        response.leader_id = state.leader_id
        response.min_next_bid_cents = state.min_next_bid()
        response.deadline_ms = state.deadline_ms
        response.leading = state.leader_id == bidder_id
    if isinstance(event, BidAccepted):
        response.status = api_pb.BID_STATUS_ACCEPTED
        # Report the state right after this bid, not a later one folded since.
        response.price.amount_cents = event.price_cents
        response.leader_id = event.leader_id
        response.leading = event.leader_id == bidder_id
        response.deadline_ms = event.deadline_ms
    elif isinstance(event, BidRejected):
        response.status = api_pb.BID_STATUS_REJECTED
        response.reason = auction_codec.REASONS[event.reason]
        if event.min_next_bid_cents:
            response.min_next_bid_cents = event.min_next_bid_cents
    return response


def auction_view(auction: Auction) -> api_pb.GetAuctionResponse:
    return api_pb.GetAuctionResponse(
        auction_id=auction.auction_id,
        listing_id=auction.listing_id,
        show_id=auction.show_id,
        status=auction.status,
        # Once sold, the price the item sold for (a buy-it-now differs from the last bid).
        price=auction_codec.money(
            auction.sold_price_cents or auction.price_cents, auction.currency
        ),
        leader_id=auction.leader_id,
        deadline_ms=auction.deadline_ms,
        bid_count=auction.bid_count,
        min_next_bid_cents=auction.min_next_bid(),
        winner_id=auction.winner_id,
    )


def giveaway_view(state: gw.Giveaway) -> api_pb.GetGiveawayResponse:
    return api_pb.GetGiveawayResponse(
        giveaway_id=state.giveaway_id,
        status="drawn" if state.drawn else "open",
        entrant_count=len(state.entrants),
        winner_id=state.winner_id,
        seed=state.seed,
        algorithm=gw.DRAW_ALGORITHM,
        ends_at_ms=state.ends_at_ms,
        seller_id=state.seller_id,
        followers_only=state.followers_only,
        verified_only=state.verified_only,
    )


def buy_now_response(event: object, state: Auction | None) -> api_pb.BuyNowResponse:
    if isinstance(event, AuctionClosed) and event.buy_now and state is not None:
        return api_pb.BuyNowResponse(
            status=api_pb.BID_STATUS_ACCEPTED,
            price=auction_codec.money(event.price_cents, state.currency),
        )
    reason = event.reason if isinstance(event, BidRejected) else None
    return api_pb.BuyNowResponse(
        status=api_pb.BID_STATUS_REJECTED,
        reason=auction_codec.REASONS[reason] if reason else 0,
    )


def purchase_response(event: object, state: fs.FlashSale | None) -> api_pb.BuyFlashSaleResponse:
    if isinstance(event, fs.FlashSalePurchased) and state is not None:
        return api_pb.BuyFlashSaleResponse(
            status=api_pb.BID_STATUS_ACCEPTED,
            remaining=event.remaining,
            quantity=event.quantity,
            unit_price=auction_codec.money(event.unit_price_cents, state.currency),
        )
    assert isinstance(event, fs.FlashSalePurchaseRejected)
    return api_pb.BuyFlashSaleResponse(
        status=api_pb.BID_STATUS_REJECTED,
        remaining=event.remaining,
        reason=to_proto(event, flash_pb).reason,
    )


def entry_response(event: object) -> api_pb.EnterGiveawayResponse:
    if isinstance(event, gw.GiveawayEntered):
        return api_pb.EnterGiveawayResponse(
            status=api_pb.BID_STATUS_ACCEPTED, entrant_number=event.entrant_number
        )
    assert isinstance(event, gw.EntryRejected)
    return api_pb.EnterGiveawayResponse(
        status=api_pb.BID_STATUS_REJECTED, reason=to_proto(event, giveaway_pb).reason
    )
