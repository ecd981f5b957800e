"""Deadlines to commands: when the wall clock passes an aggregate's deadline, append the
command that ends it (close an auction or a flash sale, draw a giveaway) to its stream.

The wall clock only decides WHEN to append; whether the aggregate ends is decided later
from the command's log time, so a bid appended before the close is still honoured."""

from __future__ import annotations

import heapq
import secrets

from google.protobuf.message import Message
from livebid.bidding.v1 import commands_pb2, flash_sales_pb2, giveaways_pb2

Due = tuple[int, str, str, int]  # (deadline ms, kind name, aggregate id, partition)


class Deadlines:
    def __init__(self) -> None:
        self._heap: list[Due] = []
        self._requested: set[tuple[str, int]] = set()

    def watch(self, deadline: int | None, kind: str, aggregate: str, partition: int) -> None:
        if deadline is not None:
            heapq.heappush(self._heap, (deadline, kind, aggregate, partition))

    def due(self, now_ms: int) -> list[Due]:
        """Entries whose deadline passed, each (deadline, aggregate) pair at most once."""
        out = []
        while self._heap and self._heap[0][0] <= now_ms:
            entry = heapq.heappop(self._heap)
            marker = (entry[2], entry[0])
            if marker not in self._requested:
                self._requested.add(marker)
                out.append(entry)
        return out


def closing_command(kind: str, aggregate: str, deadline: int) -> tuple[str, Message]:
    """(command id, command) that ends an aggregate whose deadline passed."""
    command_id = f"close:{aggregate}:{deadline}"
    if kind == "auction":
        return command_id, commands_pb2.CloseAuction(command_id=command_id, auction_id=aggregate)
    if kind == "flash_sale":
        return command_id, flash_sales_pb2.CloseFlashSale(command_id=command_id, sale_id=aggregate)
    # The seed is drawn here, once, and recorded in the command and the GiveawayDrawn event:
    # a replay reads it from the log instead of drawing again.
    command_id = f"draw:{aggregate}:{deadline}"
    seed = secrets.token_hex(16)
    return command_id, giveaways_pb2.DrawGiveaway(
        command_id=command_id, giveaway_id=aggregate, seed=seed
    )
