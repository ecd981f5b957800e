"""gRPC clients of the services the edge calls, built once at startup."""

from __future__ import annotations

from dataclasses import dataclass

import grpc
from livebid.bidding.v1.bidding_service_pb2_grpc import BiddingServiceStub
from livebid.catalog.v1.catalog_service_pb2_grpc import CatalogServiceStub
from livebid.notifications.v1.notifications_pb2_grpc import NotificationsServiceStub
from livebid.orders.v1.orders_service_pb2_grpc import OrdersServiceStub

from livebid_edge.request_digest import SendRequestDigest
from livebid_platform.grpc_server import client_channel
from livebid_platform.settings import PlatformSettings


@dataclass
class Clients:
    catalog: CatalogServiceStub
    bidding: BiddingServiceStub
    orders: OrdersServiceStub
    notifications: NotificationsServiceStub
    channels: list[grpc.aio.Channel]

    async def close(self) -> None:
        for channel in self.channels:
            await channel.close()


def connect(settings: PlatformSettings) -> Clients:
    # Every call carries the digest of the request it serves (request_digest.py).
    channels = [
        client_channel(address, [SendRequestDigest()])
        for address in (
            settings.catalog_grpc,
            settings.bidding_grpc,
            settings.orders_grpc,
            settings.notifications_grpc,
        )
    ]
    return Clients(
        catalog=CatalogServiceStub(channels[0]),
        bidding=BiddingServiceStub(channels[1]),
        orders=OrdersServiceStub(channels[2]),
        notifications=NotificationsServiceStub(channels[3]),
        channels=channels,
    )
