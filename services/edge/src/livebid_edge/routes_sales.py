"""Buy-it-now, flash sales and giveaways.

A seller opens a flash sale or a giveaway through the catalog, like an auction: the catalog
checks the listing (the seller's, in this show, live, available, enough units left) and
holds it for the sale; buyers then buy and enter through bidding directly.
"""

from __future__ import annotations

from fastapi import APIRouter
from livebid.bidding.v1 import bidding_service_pb2 as bid
from livebid.catalog.v1 import catalog_service_pb2 as cat
from pydantic import Field, model_validator

from livebid_edge.deps import (
    CurrentUser,
    IdempotencyKey,
    ServiceClients,
    require_role,
)
from livebid_edge.errors import PROBLEMS, not_found_unless_known
from livebid_edge.inputs import Body, Currency, Id, PathId
from livebid_edge.limits import MAX_CENTS, MAX_COUNT
from livebid_edge.views import (
    BuyNowDecision,
    EntryDecision,
    GiveawayView,
    NewFlashSale,
    NewGiveaway,
    PurchaseDecision,
)

router = APIRouter(prefix="/v1", tags=["sales"], responses=PROBLEMS)


class OpenFlashSaleBody(Body):
    listing_id: Id
    price_cents: int = Field(gt=0, le=MAX_CENTS)
    list_price_cents: int = Field(default=0, ge=0, le=MAX_CENTS)
    # Prices are in the listing's currency; when given, this must be it.
    currency: Currency = "USD"
    quantity: int = Field(gt=0, le=100_000)
    per_buyer_limit: int = Field(default=1, gt=0, le=MAX_COUNT)
    duration_ms: int = Field(default=60_000, gt=0, le=3_600_000)

    @model_validator(mode="after")
    def _discount_is_below_list_price(self) -> OpenFlashSaleBody:
        if self.list_price_cents and self.list_price_cents < self.price_cents:
            raise ValueError("list_price_cents, when given, must be at least price_cents")
        return self


class BuyBody(Body):
    quantity: int = Field(default=1, gt=0, le=1000)


class OpenGiveawayBody(Body):
    listing_id: Id
    duration_ms: int = Field(default=30_000, gt=0, le=3_600_000)
    followers_only: bool = False
    verified_only: bool = False


@router.post("/auctions/{auction_id}/buy-now")
async def buy_now(
    auction_id: PathId, user: CurrentUser, clients: ServiceClients, key: IdempotencyKey
) -> BuyNowDecision:
    """Take the buy-it-now price: ends the auction at once, if bidding has not reached it."""
    request = bid.BuyNowRequest(
        auction_id=auction_id,
        buyer_id=user.user_id,
        idempotency_key=key,
        bidder_verified=user.verified,
        spending_limit_cents=user.spending_limit_cents,
    )
    decision = BuyNowDecision.of(await clients.bidding.BuyNow(request))
    not_found_unless_known(decision.reason, "auction_not_found", "auction")
    return decision  # the seller's own listing: a 200 "seller_cannot_bid", as for a bid


@router.post("/shows/{show_id}/flash-sales", status_code=201)
async def open_flash_sale(
    show_id: PathId,
    body: OpenFlashSaleBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> NewFlashSale:
    """Sell units of one of the show's listings at a fixed price: {sale_id, deadline_ms}."""
    require_role(user, "seller")
    request = cat.PutUpForFlashSaleRequest(
        seller_id=user.user_id,
        show_id=show_id,
        idempotency_key=key,
        **body.model_dump(exclude={"currency"}),
        # Only a currency the seller named is checked; the default stands for "the listing's".
        currency=body.currency if "currency" in body.model_fields_set else "",
    )
    return NewFlashSale.of(await clients.catalog.PutUpForFlashSale(request))


@router.post("/flash-sales/{sale_id}/purchases")
async def buy_flash_sale(
    sale_id: PathId, body: BuyBody, user: CurrentUser, clients: ServiceClients, key: IdempotencyKey
) -> PurchaseDecision:
    request = bid.BuyFlashSaleRequest(
        sale_id=sale_id,
        buyer_id=user.user_id,
        quantity=body.quantity,
        idempotency_key=key,
        spending_limit_cents=user.spending_limit_cents,
    )
    decision = PurchaseDecision.of(await clients.bidding.BuyFlashSale(request))
    not_found_unless_known(decision.reason, "not_found", "flash sale")
    return decision  # the seller's own sale: a 200 "seller_cannot_bid", as for a bid


@router.post("/shows/{show_id}/giveaways", status_code=201)
async def open_giveaway(
    show_id: PathId,
    body: OpenGiveawayBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> NewGiveaway:
    """Give one unit of one of the show's listings away by draw: {giveaway_id, ends_at_ms}."""
    require_role(user, "seller")
    request = cat.PutUpForGiveawayRequest(
        seller_id=user.user_id, show_id=show_id, idempotency_key=key, **body.model_dump()
    )
    return NewGiveaway.of(await clients.catalog.PutUpForGiveaway(request))


@router.post("/giveaways/{giveaway_id}/entries")
async def enter_giveaway(
    giveaway_id: PathId, user: CurrentUser, clients: ServiceClients, key: IdempotencyKey
) -> EntryDecision:
    giveaway = await clients.bidding.GetGiveaway(bid.GetGiveawayRequest(giveaway_id=giveaway_id))
    request = bid.EnterGiveawayRequest(
        giveaway_id=giveaway_id,
        entrant_id=user.user_id,
        idempotency_key=key,
        is_follower=giveaway.seller_id in user.follows,
        verified=user.verified,
    )
    decision = EntryDecision.of(await clients.bidding.EnterGiveaway(request))
    # GetGiveaway above answers 404 for an unknown giveaway; this is the same rule.
    not_found_unless_known(decision.reason, "not_found", "giveaway")
    return decision


@router.get("/giveaways/{giveaway_id}")
async def get_giveaway(giveaway_id: PathId, clients: ServiceClients) -> GiveawayView:
    """The draw's seed and algorithm are public, so anyone can re-run it."""
    reply = await clients.bidding.GetGiveaway(bid.GetGiveawayRequest(giveaway_id=giveaway_id))
    return GiveawayView.of(reply)
