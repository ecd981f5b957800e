"""Deadlines to commands: when the wall clock passes an aggregate's deadline, append the
command that ends it (close an auction or a flash sale, draw a giveaway) to its stream.

The wall clock only decides WHEN to append; whether the aggregate ends is decided later
from the command's log time, so a bid appended before the close is still honoured. If the
broker's clock runs behind ours, a close may be stamped just before the deadline and be
ignored as early: so a deadline stays watched, and is asked for again a second later, until
the aggregate is seen ended or its deadline moves.
"""

from __future__ import annotations

import heapq
import secrets
from collections.abc import Callable

from google.protobuf.message import Message
from livebid.bidding.v1 import commands_pb2, flash_sales_pb2, giveaways_pb2

RETRY_MS = 1000
Due = tuple[int, str, str, int, int]  # (deadline, kind, aggregate id, partition, attempt)
StillDue = Callable[[str, str, int, int], bool]  # (kind, aggregate, partition, deadline)


class Deadlines:
    def __init__(self) -> None:
        self._heap: list[tuple[int, int, str, str, int]] = []  # (fire at, deadline, ...)
        self._fire_at: dict[tuple[str, int], int] = {}
        self._attempts: dict[tuple[str, int], int] = {}

    def watch(self, deadline: int | None, kind: str, aggregate: str, partition: int) -> None:
        if deadline is None or (aggregate, deadline) in self._fire_at:
            return
        self._fire_at[(aggregate, deadline)] = deadline
        heapq.heappush(self._heap, (deadline, deadline, kind, aggregate, partition))

    def due(self, now_ms: int, still_due: StillDue) -> list[Due]:
        """The deadlines to ask a closing command for now."""
        out = []
        while self._heap and self._heap[0][0] <= now_ms:
            fire_at, deadline, kind, aggregate, partition = heapq.heappop(self._heap)
            key = (aggregate, deadline)
            if self._fire_at.get(key) != fire_at:
                continue  # superseded by a later entry for the same deadline
            if not still_due(kind, aggregate, partition, deadline):
                self._fire_at.pop(key, None)
                self._attempts.pop(key, None)
                continue
            attempt = self._attempts.get(key, 0)
            self._attempts[key] = attempt + 1
            self._fire_at[key] = now_ms + RETRY_MS
            heapq.heappush(self._heap, (now_ms + RETRY_MS, deadline, kind, aggregate, partition))
            out.append((deadline, kind, aggregate, partition, attempt))
        return out


def closing_command(
    kind: str, aggregate: str, deadline: int, attempt: int = 0
) -> tuple[str, Message]:
    """(command id, command) that ends an aggregate whose deadline passed."""
    retry = f":{attempt}" if attempt else ""
    command_id = f"close:{aggregate}:{deadline}{retry}"
    if kind == "auction":
        return command_id, commands_pb2.CloseAuction(command_id=command_id, auction_id=aggregate)
    if kind == "flash_sale":
        return command_id, flash_sales_pb2.CloseFlashSale(command_id=command_id, sale_id=aggregate)
    # The seed is drawn here, once, and recorded in the command and the GiveawayDrawn event:
    # a replay reads it from the log instead of drawing again.
    command_id = f"draw:{aggregate}:{deadline}{retry}"
    seed = secrets.token_hex(16)
    return command_id, giveaways_pb2.DrawGiveaway(
        command_id=command_id, giveaway_id=aggregate, seed=seed
    )
