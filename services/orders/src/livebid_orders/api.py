"""gRPC API of orders. Reads come from the fold of the private log (each bundle's state,
found through `OrderIndex`); each change goes to the bundle's one writer through the
gateway, and the answer is its decision.

Run: python -m livebid_orders
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias

import grpc
from google.protobuf.message import Message
from livebid.orders.internal.v1 import bundle_pb2 as cmd
from livebid.orders.v1 import orders_service_pb2 as api_pb
from livebid.orders.v1 import orders_service_pb2_grpc as api_grpc

from livebid_orders.bundle import Bundle
from livebid_orders.codec import DECIDER, ledger_posted_to_proto
from livebid_orders.store import OrderIndex
from livebid_orders.views import bundle_view, order_view
from livebid_platform.grpc_server import KEY_REUSED, request_digest
from livebid_platform.writeside import Decisions, Gateway, KeyReused, NoDecisionYet, Rejected

Sync = Callable[[], Awaitable[None]]
Context: TypeAlias = grpc.aio.ServicerContext


class OrdersApi(api_grpc.OrdersServiceServicer):  # type: ignore[misc]
    def __init__(
        self, gateway: Gateway, decisions: Decisions, index: OrderIndex, sync: Sync
    ) -> None:
        self._gateway = gateway
        self._decisions = decisions
        self._index = index
        # Another replica may have placed an order this one has not folded yet: catch up
        # with the log before answering "not found" (read your writes).
        self._sync = sync

    def _bundle(self, bundle_id: str) -> Bundle | None:
        state: Bundle | None = self._decisions.state(DECIDER, bundle_id)
        return state

    async def _find(self, context: Context, bundle_id: str = "", order_id: str = "") -> Bundle:
        for attempt in range(2):
            found = self._bundle(bundle_id or self._index.bundle_of.get(order_id, ""))
            if found is not None:
                return found
            if attempt == 0:
                await self._sync()
        await context.abort(
            grpc.StatusCode.NOT_FOUND, f"no such {'bundle' if bundle_id else 'order'}"
        )
        raise AssertionError("unreachable")

    async def ListOrders(
        self, request: api_pb.ListOrdersRequest, context: Context
    ) -> api_pb.ListOrdersResponse:
        given = {
            k: v
            for k, v in (
                ("buyer", request.buyer_id),
                ("seller", request.seller_id),
                ("show", request.show_id),
            )
            if v
        }
        if len(given) != 1:
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT, "give exactly one of buyer_id, seller_id, show_id"
            )
        [(by, value)] = given.items()
        views = [
            order_view(bundle, line)
            for bundle_id in self._index.bundles(by, value)
            if (bundle := self._bundle(bundle_id)) is not None
            for line in bundle.lines
        ]
        views.sort(key=lambda o: (o.placed_at_ms, o.order_id))
        return api_pb.ListOrdersResponse(orders=views)

    async def GetOrder(
        self, request: api_pb.GetOrderRequest, context: Context
    ) -> api_pb.GetOrderResponse:
        bundle = await self._find(context, order_id=request.order_id)
        line = bundle.line(request.order_id)
        assert line is not None
        return api_pb.GetOrderResponse(order=order_view(bundle, line))

    async def GetBundle(
        self, request: api_pb.GetBundleRequest, context: Context
    ) -> api_pb.GetBundleResponse:
        bundle = await self._find(context, bundle_id=request.bundle_id)
        return api_pb.GetBundleResponse(bundle=bundle_view(bundle))

    async def GetLedger(
        self, request: api_pb.GetLedgerRequest, context: Context
    ) -> api_pb.GetLedgerResponse:
        postings = self._index.postings.get(request.show_id, [])
        return api_pb.GetLedgerResponse(postings=[ledger_posted_to_proto(p) for p in postings])

    async def _act(
        self, context: Context, command: Message, command_id: str, bundle_id: str
    ) -> api_pb.BundleAction:
        """Submit a command to the bundle and answer with its decision."""
        try:
            event, state = await self._gateway.submit(
                command, command_id, bundle_id, request_digest=request_digest(context)
            )
        except KeyReused:
            await context.abort(grpc.StatusCode.ABORTED, KEY_REUSED)
            raise
        except NoDecisionYet:
            await context.abort(
                grpc.StatusCode.UNAVAILABLE, "no decision yet; retry with the same idempotency key"
            )
            raise
        view = bundle_view(state) if state is not None else None
        if isinstance(event, Rejected):
            return api_pb.BundleAction(
                accepted=False, code=event.code, reason=event.reason, bundle=view
            )
        return api_pb.BundleAction(accepted=True, bundle=view)

    async def _require(self, context: Context, **fields: Any) -> None:
        missing = [name for name, value in fields.items() if not value]
        if missing:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"required: {', '.join(missing)}")

    async def RetryPayment(
        self, request: api_pb.RetryPaymentRequest, context: Context
    ) -> api_pb.RetryPaymentResponse:
        r = request
        await self._require(
            context,
            bundle_id=r.bundle_id,
            buyer_id=r.buyer_id,
            card_ref=r.card_ref,
            idempotency_key=r.idempotency_key,
        )
        bundle = await self._find(context, bundle_id=r.bundle_id)
        command = cmd.RetryPayment(
            bundle_id=bundle.bundle_id, buyer_id=r.buyer_id, card_ref=r.card_ref
        )
        cid = f"retry:{r.buyer_id}:{bundle.bundle_id}:{r.idempotency_key}"
        return api_pb.RetryPaymentResponse(
            action=await self._act(context, command, cid, bundle.bundle_id)
        )

    async def CancelOrder(
        self, request: api_pb.CancelOrderRequest, context: Context
    ) -> api_pb.CancelOrderResponse:
        r = request
        await self._require(
            context, order_id=r.order_id, seller_id=r.seller_id, idempotency_key=r.idempotency_key
        )
        bundle = await self._find(context, order_id=r.order_id)
        command = cmd.CancelOrder(
            bundle_id=bundle.bundle_id, order_id=r.order_id, seller_id=r.seller_id, reason=r.reason
        )
        cid = f"cancel:{r.seller_id}:{r.order_id}:{r.idempotency_key}"
        return api_pb.CancelOrderResponse(
            action=await self._act(context, command, cid, bundle.bundle_id)
        )

    async def RequestCancellation(
        self, request: api_pb.RequestCancellationRequest, context: Context
    ) -> api_pb.RequestCancellationResponse:
        r = request
        await self._require(
            context, order_id=r.order_id, buyer_id=r.buyer_id, idempotency_key=r.idempotency_key
        )
        bundle = await self._find(context, order_id=r.order_id)
        command = cmd.RequestCancellation(
            bundle_id=bundle.bundle_id, order_id=r.order_id, buyer_id=r.buyer_id, reason=r.reason
        )
        cid = f"ask-cancel:{r.buyer_id}:{r.order_id}:{r.idempotency_key}"
        return api_pb.RequestCancellationResponse(
            action=await self._act(context, command, cid, bundle.bundle_id)
        )

    async def AnswerCancellation(
        self, request: api_pb.AnswerCancellationRequest, context: Context
    ) -> api_pb.AnswerCancellationResponse:
        r = request
        await self._require(
            context, order_id=r.order_id, seller_id=r.seller_id, idempotency_key=r.idempotency_key
        )
        bundle = await self._find(context, order_id=r.order_id)
        command = cmd.AnswerCancellation(
            bundle_id=bundle.bundle_id, order_id=r.order_id, seller_id=r.seller_id, accept=r.accept
        )
        cid = f"answer-cancel:{r.seller_id}:{r.order_id}:{r.idempotency_key}"
        return api_pb.AnswerCancellationResponse(
            action=await self._act(context, command, cid, bundle.bundle_id)
        )

    async def MarkShipped(
        self, request: api_pb.MarkShippedRequest, context: Context
    ) -> api_pb.MarkShippedResponse:
        r = request
        await self._require(
            context,
            bundle_id=r.bundle_id,
            seller_id=r.seller_id,
            carrier=r.carrier,
            tracking_number=r.tracking_number,
            idempotency_key=r.idempotency_key,
        )
        bundle = await self._find(context, bundle_id=r.bundle_id)
        command = cmd.MarkShipped(
            bundle_id=bundle.bundle_id,
            seller_id=r.seller_id,
            carrier=r.carrier,
            tracking_number=r.tracking_number,
        )
        cid = f"ship:{r.seller_id}:{bundle.bundle_id}:{r.idempotency_key}"
        return api_pb.MarkShippedResponse(
            action=await self._act(context, command, cid, bundle.bundle_id)
        )

    async def ConfirmDelivery(
        self, request: api_pb.ConfirmDeliveryRequest, context: Context
    ) -> api_pb.ConfirmDeliveryResponse:
        r = request
        await self._require(
            context,
            bundle_id=r.bundle_id,
            confirmed_by=r.confirmed_by,
            idempotency_key=r.idempotency_key,
        )
        bundle = await self._find(context, bundle_id=r.bundle_id)
        command = cmd.ConfirmDelivery(bundle_id=bundle.bundle_id, confirmed_by=r.confirmed_by)
        cid = f"deliver:{r.confirmed_by}:{bundle.bundle_id}:{r.idempotency_key}"
        return api_pb.ConfirmDeliveryResponse(
            action=await self._act(context, command, cid, bundle.bundle_id)
        )
