"""Routes of an order's life after the sale: a buyer retries a payment or asks to cancel,
a seller cancels, answers, ships, and delivery is confirmed (by the buyer, or by the
carrier's webhook). Each change is the bundle's decision: a refusal is a 4xx with its
reason; a bundle or order the caller has no part in is a 404, never a hint it exists."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from livebid.orders.v1 import orders_service_pb2 as orders
from pydantic import Field

from livebid_edge.auth import User
from livebid_edge.clients import Clients
from livebid_edge.deps import CurrentUser, IdempotencyKey, ServiceClients, require_role
from livebid_edge.errors import PROBLEMS
from livebid_edge.inputs import Body, Name, PathId, Reason
from livebid_edge.views import BundleActionView, BundleAnswer, LedgerView

router = APIRouter(prefix="/v1", tags=["orders"], responses=PROBLEMS)

# A refusal's code as an HTTP status: the caller's role (403), a state that does not allow
# it now (409).
_STATUS = {"not_yours": 403, "not_found": 404}
CARRIER_ROLE = "carrier"


class RetryBody(Body):
    card_ref: str = Field(
        min_length=1,
        max_length=200,
        pattern=r"^[!-~]+$",
        description="A payment method reference from the provider's SDK (never a card number).",
    )


class CancelBody(Body):
    reason: Reason


class AnswerBody(Body):
    accept: bool


class ShipBody(Body):
    carrier: Name = Field(min_length=1)
    tracking_number: Name = Field(min_length=1)


class CarrierDeliveryBody(Body):
    bundle_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$")
    tracking_number: Name = Field(min_length=1)


async def _bundle_of_party(clients: Clients, user: User, bundle_id: str) -> orders.Bundle:
    """The bundle, if the caller is its buyer or seller (else 404, as if there were none)."""
    found = await clients.orders.GetBundle(orders.GetBundleRequest(bundle_id=bundle_id))
    if user.user_id not in (found.bundle.buyer_id, found.bundle.seller_id):
        raise HTTPException(404, "not found")
    bundle: orders.Bundle = found.bundle
    return bundle


async def _order_of_party(clients: Clients, user: User, order_id: str) -> orders.Order:
    found = await clients.orders.GetOrder(orders.GetOrderRequest(order_id=order_id))
    if user.user_id not in (found.order.buyer_id, found.order.seller_id):
        raise HTTPException(404, "not found")
    order: orders.Order = found.order
    return order


def _answer(action: orders.BundleAction) -> BundleActionView:
    if not action.accepted:
        raise HTTPException(_STATUS.get(action.code, 409), f"{action.code}: {action.reason}")
    return BundleActionView.of(action)


@router.get("/bundles/{bundle_id}")
async def get_bundle(bundle_id: PathId, user: CurrentUser, clients: ServiceClients) -> BundleAnswer:
    """A bundle, for its buyer or its seller: status, shipping, tracking and escrow."""
    bundle = await _bundle_of_party(clients, user, bundle_id)
    return BundleAnswer.of(orders.GetBundleResponse(bundle=bundle))


@router.post("/bundles/{bundle_id}/payment-retries")
async def retry_payment(
    bundle_id: PathId,
    body: RetryBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> BundleActionView:
    """The buyer retries the bundle's declined payments with another card (until the show
    ends for an order; a declined shipping charge until the bundle ships)."""
    await _bundle_of_party(clients, user, bundle_id)
    request = orders.RetryPaymentRequest(
        bundle_id=bundle_id, buyer_id=user.user_id, card_ref=body.card_ref, idempotency_key=key
    )
    return _answer((await clients.orders.RetryPayment(request)).action)


@router.post("/orders/{order_id}/cancellation-requests")
async def request_cancellation(
    order_id: PathId,
    body: CancelBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> BundleActionView:
    """The buyer asks to cancel, within 30 minutes of the order; the seller answers."""
    await _order_of_party(clients, user, order_id)
    request = orders.RequestCancellationRequest(
        order_id=order_id, buyer_id=user.user_id, reason=body.reason, idempotency_key=key
    )
    return _answer((await clients.orders.RequestCancellation(request)).action)


@router.post("/orders/{order_id}/cancellation-answer")
async def answer_cancellation(
    order_id: PathId,
    body: AnswerBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> BundleActionView:
    """The seller accepts (full refund, unit relisted) or declines a buyer's request."""
    require_role(user, "seller")
    await _order_of_party(clients, user, order_id)
    request = orders.AnswerCancellationRequest(
        order_id=order_id, seller_id=user.user_id, accept=body.accept, idempotency_key=key
    )
    return _answer((await clients.orders.AnswerCancellation(request)).action)


@router.post("/orders/{order_id}/cancel")
async def cancel_order(
    order_id: PathId,
    body: CancelBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> BundleActionView:
    """The seller cancels an order before its bundle ships: a full refund, unit relisted."""
    require_role(user, "seller")
    await _order_of_party(clients, user, order_id)
    request = orders.CancelOrderRequest(
        order_id=order_id, seller_id=user.user_id, reason=body.reason, idempotency_key=key
    )
    return _answer((await clients.orders.CancelOrder(request)).action)


@router.post("/bundles/{bundle_id}/shipment")
async def mark_shipped(
    bundle_id: PathId,
    body: ShipBody,
    user: CurrentUser,
    clients: ServiceClients,
    key: IdempotencyKey,
) -> BundleActionView:
    """The seller ships the bundle (after the show, every order paid) with its tracking."""
    require_role(user, "seller")
    await _bundle_of_party(clients, user, bundle_id)
    request = orders.MarkShippedRequest(
        bundle_id=bundle_id,
        seller_id=user.user_id,
        carrier=body.carrier,
        tracking_number=body.tracking_number,
        idempotency_key=key,
    )
    return _answer((await clients.orders.MarkShipped(request)).action)


@router.post("/bundles/{bundle_id}/delivery")
async def confirm_delivery(
    bundle_id: PathId, user: CurrentUser, clients: ServiceClients, key: IdempotencyKey
) -> BundleActionView:
    """The buyer confirms delivery; the seller's payout is released (less the fee)."""
    await _bundle_of_party(clients, user, bundle_id)
    request = orders.ConfirmDeliveryRequest(
        bundle_id=bundle_id, confirmed_by=user.user_id, idempotency_key=key
    )
    return _answer((await clients.orders.ConfirmDelivery(request)).action)


@router.post("/carrier/deliveries")
async def carrier_delivery(
    body: CarrierDeliveryBody, user: CurrentUser, clients: ServiceClients, key: IdempotencyKey
) -> BundleActionView:
    """A carrier's delivery webhook (a token with the carrier role): the tracking number
    must be the bundle's."""
    require_role(user, CARRIER_ROLE)
    found = await clients.orders.GetBundle(orders.GetBundleRequest(bundle_id=body.bundle_id))
    if found.bundle.tracking_number != body.tracking_number:
        raise HTTPException(409, "this tracking number is not the bundle's")
    request = orders.ConfirmDeliveryRequest(
        bundle_id=body.bundle_id, confirmed_by="carrier", idempotency_key=key
    )
    return _answer((await clients.orders.ConfirmDelivery(request)).action)


@router.get("/shows/{show_id}/ledger")
async def show_ledger(show_id: PathId, user: CurrentUser, clients: ServiceClients) -> LedgerView:
    """Administrators only: every charge, refund and payout of a show, double-entry."""
    require_role(user, "admin")
    return LedgerView.of(await clients.orders.GetLedger(orders.GetLedgerRequest(show_id=show_id)))
