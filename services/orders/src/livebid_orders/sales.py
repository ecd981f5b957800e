"""Flash-sale terms, which bidding states once (FlashSaleOpened) and a purchase does not
repeat. Both are keyed by sale id, so they share a partition of bidding.events.v1: a sale
this process has not seen (it opened before a restart) is found by reading that partition."""

from __future__ import annotations

import contextlib

from livebid.bidding.v1 import flash_sales_pb2 as flash_pb

from livebid_orders import codec
from livebid_orders.domain import FlashSaleTerms
from livebid_platform.consumer import read_to_end
from livebid_platform.envelope import EnvelopeError, decode
from livebid_platform.topics import BIDDING_EVENTS


async def flash_sales_in(bootstrap: str, partition: int, sale_id: str) -> dict[str, FlashSaleTerms]:
    """Every sale opened in the partition up to and including `sale_id` (read until found)."""
    found: dict[str, FlashSaleTerms] = {}
    records = read_to_end(bootstrap, BIDDING_EVENTS.name, [partition])
    async with contextlib.aclosing(records):
        async for record in records:
            try:
                msg = decode(record.value, record.headers).message
            except EnvelopeError:
                continue  # the live consumer dead-letters it; here it is only skipped over
            if isinstance(msg, flash_pb.FlashSaleOpened):
                found[msg.sale_id] = codec.flash_sale_terms(msg)
                if msg.sale_id == sale_id:
                    break
    return found
