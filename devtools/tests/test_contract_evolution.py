"""Contracts evolve compatibly, checked by a tool and shown on a real case.

- `buf breaking` against the released baseline (contracts/baseline) passes for protos/ as
  they are, and fails for a change that would break a consumer (it is in `make lint`).
- FlashSalePurchased gained listing_id, show_id, seller_id and currency in v1.1: a
  consumer built against v1.0 (the message without them) reads a v1.1 event, and a v1.1
  consumer reads a v1.0 event with those fields empty.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from livebid.bidding.v1 import flash_sales_pb2

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "contracts/baseline/livebid-v1.json"
BUF = shutil.which("buf") or str(ROOT / ".venv/bin/buf")
ADDED_IN_V1_1 = ("listing_id", "show_id", "seller_id", "currency")


def breaking(protos: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BUF, "breaking", str(protos), "--against", str(BASELINE)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_buf_breaking_passes_now_and_fails_on_a_breaking_change(tmp_path: Path) -> None:
    assert breaking(ROOT / "protos").returncode == 0
    changed = tmp_path / "protos"
    shutil.copytree(ROOT / "protos", changed)
    proto = changed / "livebid/bidding/v1/flash_sales.proto"
    proto.write_text(proto.read_text().replace("int32 quantity = 4;", "int64 quantity = 4;", 1))
    result = breaking(changed)
    assert result.returncode != 0
    assert "quantity" in result.stdout + result.stderr


def v1_0_flash_sale_purchased() -> type:
    """FlashSalePurchased as a consumer built before v1.1 knows it."""
    file = descriptor_pb2.FileDescriptorProto()
    flash_sales_pb2.DESCRIPTOR.CopyToProto(file)
    file.name = "old/flash_sales_v1_0.proto"
    file.package = "old.v1_0"
    file.ClearField("dependency")
    kept = [m for m in file.message_type if m.name == "FlashSalePurchased"]
    (message,) = kept
    fields = [f for f in message.field if f.name not in ADDED_IN_V1_1]
    del message.field[:]
    message.field.extend(fields)
    del file.message_type[:]
    file.message_type.extend(kept)
    del file.enum_type[:]
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    return message_factory.GetMessageClass(
        pool.FindMessageTypeByName("old.v1_0.FlashSalePurchased")
    )


def test_an_event_that_gained_fields_is_read_by_a_consumer_built_before_it() -> None:
    old_class = v1_0_flash_sale_purchased()
    new = flash_sales_pb2.FlashSalePurchased(
        sale_id="fs-1", buyer_id="b-1", quantity=2, unit_price_cents=1500, remaining=8,
        listing_id="l-1", show_id="s-1", seller_id="seller-1", currency="USD",
    )  # fmt: skip
    old = old_class.FromString(new.SerializeToString())
    assert (old.sale_id, old.buyer_id, old.quantity, old.unit_price_cents, old.remaining) == (
        "fs-1", "b-1", 2, 1500, 8,
    )  # fmt: skip
    # A relay built before v1.1 passes the new fields on untouched (unknown fields kept).
    assert flash_sales_pb2.FlashSalePurchased.FromString(old.SerializeToString()) == new
    # And a v1.1 consumer reads a v1.0 event: the new fields are empty, not an error.
    older = old_class(sale_id="fs-0", buyer_id="b-0", quantity=1).SerializeToString()
    read = flash_sales_pb2.FlashSalePurchased.FromString(older)
    assert read.sale_id == "fs-0" and read.listing_id == "" and read.currency == ""
