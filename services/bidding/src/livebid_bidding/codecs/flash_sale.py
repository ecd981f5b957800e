"""Flash sales on the wire: mirrored messages, public as they are except refusals."""

from __future__ import annotations

from google.protobuf.message import Message
from livebid.bidding.v1 import flash_sales_pb2 as pb

from livebid_bidding.domain import flash_sale as fs
from livebid_platform.writeside import Decider
from livebid_platform.writeside.mirrored import mirrored_codec, to_proto

CODEC = mirrored_codec(
    pb,
    commands=(fs.OpenFlashSale, fs.BuyFlashSale, fs.CloseFlashSale),
    events=(
        fs.FlashSaleOpened,
        fs.FlashSalePurchased,
        fs.FlashSalePurchaseRejected,
        fs.FlashSaleClosed,
    ),
)


def public_events(event: fs.FlashSaleEvent, state: fs.FlashSale | None) -> list[Message]:
    """Nothing in a flash sale is private, but a refusal is told only to its buyer."""
    if isinstance(event, fs.FlashSalePurchaseRejected):
        return []
    return [to_proto(event, pb)]


def deadline(state: fs.FlashSale) -> int | None:
    return state.deadline_ms if state.status == "open" else None


DECIDER = Decider(
    name="flash_sale",
    decide=fs.decide,
    evolve=fs.evolve,
    aggregate_id=lambda message: str(message.sale_id),
    codec=CODEC,
    public=public_events,
    deadline=deadline,
    on_deadline=lambda sale_id, command_id: pb.CloseFlashSale(
        command_id=command_id, sale_id=sale_id
    ),
)
