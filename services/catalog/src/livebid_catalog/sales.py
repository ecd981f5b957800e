"""The sale process manager: a listing put up for sale in the catalog's log is opened in
bidding, whatever crashes in between.

Step 1 is the catalog's decision (ListingPutUpForAuction, ...FlashSale, ...Giveaway in
catalog.internal.v1): the listing is reserved and the terms are recorded. Step 2, driven by
that event, opens the sale in bidding, which is idempotent by the sale's id. If bidding
refuses for good, step 3 appends AbandonSale and the listing is available again. Every step
can be repeated: this handler consumes the private log in a consumer group and commits only
after a step is done, so a crash anywhere means the step runs again, never that a listing
stays reserved for a sale that was never opened.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import get_args

import grpc
from aiokafka import ConsumerRecord
from livebid.catalog.internal.v1 import write_side_pb2 as internal

from livebid_catalog.bidding_client import Bidding
from livebid_catalog.domain.commands import AbandonSale
from livebid_catalog.domain.events import PutUp, sale_of
from livebid_catalog.write_side import CATALOG
from livebid_platform.envelope import Envelope
from livebid_platform.writeside import Gateway
from livebid_platform.writeside.mirrored import to_proto

log = logging.getLogger(__name__)

# Bidding's answers that will not change on a retry: the sale is abandoned.
REFUSALS = frozenset(
    {
        grpc.StatusCode.INVALID_ARGUMENT,
        grpc.StatusCode.FAILED_PRECONDITION,
        grpc.StatusCode.ALREADY_EXISTS,
        grpc.StatusCode.PERMISSION_DENIED,
        grpc.StatusCode.OUT_OF_RANGE,
    }
)
_PUT_UP_MESSAGES = tuple(getattr(internal, t.__name__) for t in get_args(PutUp))
Abandon = Callable[[PutUp, str], Awaitable[None]]


class SaleRefused(Exception):
    """Bidding refused to open the sale; the listing has been released."""


class SaleOpener:
    def __init__(self, bidding: Bidding, abandon: Abandon, first_retry_s: float = 0.2) -> None:
        self._bidding = bidding
        self._abandon = abandon
        self._first_retry_s = first_retry_s

    async def open_once(self, put_up: PutUp) -> int:
        """Open the sale (one attempt): its deadline. A refusal abandons it (SaleRefused);
        a transport failure raises grpc.aio.AioRpcError for the caller to retry."""
        try:
            return await self._bidding.open_sale(put_up)
        except grpc.aio.AioRpcError as exc:
            if exc.code() not in REFUSALS:
                raise
            await self._abandon(put_up, f"bidding refused the sale: {exc.details()}")
            raise SaleRefused(exc.details() or str(exc.code())) from exc

    async def open(self, put_up: PutUp) -> None:
        """Open the sale, retrying (with backoff, without end) while bidding is unreachable."""
        delay = self._first_retry_s
        while True:
            try:
                await self.open_once(put_up)
                return
            except SaleRefused:
                return
            except grpc.aio.AioRpcError as exc:
                log.warning(
                    "bidding unreachable; the sale will be opened when it answers",
                    extra={"fields": {"sale_id": sale_of(put_up), "code": str(exc.code())}},
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def handle(self, env: Envelope, record: ConsumerRecord[bytes, bytes]) -> None:
        """EventConsumer handler for catalog.internal.v1: every put-up opens its sale."""
        if isinstance(env.message, _PUT_UP_MESSAGES):
            _, put_up = CATALOG.event(env.message)
            await self.open(put_up)


def abandon_through(gateway: Gateway) -> Abandon:
    """Step 3 as a command to the listing's show (idempotent by the sale's id)."""

    async def abandon(put_up: PutUp, reason: str) -> None:
        sale = sale_of(put_up)
        command = AbandonSale(put_up.show_id, put_up.listing_id, sale, reason[:500])
        await gateway.submit(to_proto(command, internal), f"abandon:{sale}", put_up.show_id)

    return abandon
