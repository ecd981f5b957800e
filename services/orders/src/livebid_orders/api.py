"""gRPC API of orders: reads from the store, the fold of orders.events.v1 kept by a Follower.

Run: python -m livebid_orders
"""

from __future__ import annotations

import asyncio

import grpc
from livebid.orders.v1 import orders_service_pb2 as api_pb
from livebid.orders.v1 import orders_service_pb2_grpc as api_grpc

from livebid_orders.codec import order_view
from livebid_orders.store import OrderStore


class OrdersApi(api_grpc.OrdersServiceServicer):  # type: ignore[misc]
    def __init__(self, store: OrderStore, ready: asyncio.Event) -> None:
        self._store = store
        self._ready = ready

    async def _check_ready(self, context: grpc.aio.ServicerContext) -> None:
        if not self._ready.is_set():
            await context.abort(grpc.StatusCode.UNAVAILABLE, "orders are still being rebuilt")

    async def ListOrders(
        self, request: api_pb.ListOrdersRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.ListOrdersResponse:
        await self._check_ready(context)
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
        return api_pb.ListOrdersResponse(
            orders=[order_view(o) for o in self._store.find(by, value)]
        )

    async def GetOrder(
        self, request: api_pb.GetOrderRequest, context: grpc.aio.ServicerContext
    ) -> api_pb.GetOrderResponse:
        await self._check_ready(context)
        order = self._store.orders.get(request.order_id)
        if order is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no order {request.order_id!r}")
        assert order is not None
        return api_pb.GetOrderResponse(order=order_view(order))
