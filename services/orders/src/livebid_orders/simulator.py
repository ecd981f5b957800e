"""PaymentProviderSimulator: a local payment provider for development and tests, never a
real one. It can be told, per card or per charge (idempotency key), what to do next:

- `approve`; `decline` or `decline:<reason>`;
- `timeout`: the request is lost (nothing charged) and the caller hears nothing in time;
- `late`: the money is taken, but the confirmation comes after the caller gave up; asking
  again with the same key gets it.

Outcomes are queued: `["timeout", "approve"]` times out once, then approves; the last one
repeats. A card with no script approves. It counts the calls and the money it took, so a
test can prove a charge happened once.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from livebid_orders.payments import ChargeResult, PaymentPort, ProviderTimeout


@dataclass
class SimulatedCharge:
    key: str
    buyer: str
    amount_cents: int
    currency: str
    card: str
    result: ChargeResult | None = None  # None while a late charge is still in flight
    done: asyncio.Event = field(default_factory=asyncio.Event)


class PaymentProviderSimulator(PaymentPort):
    def __init__(self, late_after_s: float = 2.0, lost_after_s: float = 5.0) -> None:
        self.late_after_s = late_after_s  # when a late charge's confirmation is ready
        self.lost_after_s = lost_after_s  # how long a lost request hangs before failing
        self.charges: dict[str, SimulatedCharge] = {}
        self.refunds: dict[str, SimulatedCharge] = {}
        self.calls: defaultdict[str, int] = defaultdict(int)
        self._scripts: dict[str, list[str]] = {}
        self._refs = itertools.count(1)
        self._tasks: set[asyncio.Task[None]] = set()

    def script(self, target: str, outcomes: list[str]) -> None:
        """What the next charges on a card (or with an idempotency key) do."""
        if not outcomes:
            raise ValueError("give at least one outcome")
        for outcome in outcomes:
            if outcome.split(":")[0] not in ("approve", "decline", "timeout", "late"):
                raise ValueError(f"unknown outcome {outcome!r}")
        self._scripts[target] = list(outcomes)

    def _next(self, key: str, card: str) -> str:
        queue = self._scripts.get(key) or self._scripts.get(card)
        if not queue:
            return "approve"
        return queue.pop(0) if len(queue) > 1 else queue[0]

    def approved_charges(self) -> list[SimulatedCharge]:
        """The charges that took money (at most one per key, by construction)."""
        return [c for c in self.charges.values() if c.result and c.result.approved]

    async def charge(
        self, idempotency_key: str, buyer: str, amount_cents: int, currency: str, card: str
    ) -> ChargeResult:
        self.calls[idempotency_key] += 1
        known = self.charges.get(idempotency_key)
        if known is not None:
            await known.done.wait()  # a late charge: the answer comes when it is confirmed
            assert known.result is not None
            return known.result
        outcome = self._next(idempotency_key, card)
        if outcome == "timeout":
            await asyncio.sleep(self.lost_after_s)  # the request was lost: nothing recorded
            raise ProviderTimeout(f"simulated timeout for {idempotency_key}")
        entry = SimulatedCharge(idempotency_key, buyer, amount_cents, currency, card)
        self.charges[idempotency_key] = entry
        if outcome.startswith("decline"):
            reason = outcome.partition(":")[2] or "card_declined"
            self._finish(entry, ChargeResult(False, reason=reason))
        elif outcome == "late":
            # Confirmed on its own schedule, whether or not the caller still waits.
            task = asyncio.create_task(self._confirm_later(entry))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        else:
            self._finish(entry, ChargeResult(True, provider_ref=f"sim_ch_{next(self._refs)}"))
        await entry.done.wait()
        assert entry.result is not None
        return entry.result

    async def _confirm_later(self, entry: SimulatedCharge) -> None:
        await asyncio.sleep(self.late_after_s)
        self._finish(entry, ChargeResult(True, provider_ref=f"sim_ch_{next(self._refs)}"))

    @staticmethod
    def _finish(entry: SimulatedCharge, result: ChargeResult) -> None:
        entry.result = result
        entry.done.set()

    async def refund(
        self, idempotency_key: str, buyer: str, amount_cents: int, currency: str
    ) -> ChargeResult:
        self.calls[idempotency_key] += 1
        known = self.refunds.get(idempotency_key)
        if known is None:
            known = SimulatedCharge(idempotency_key, buyer, amount_cents, currency, "")
            self._finish(known, ChargeResult(True, provider_ref=f"sim_re_{next(self._refs)}"))
            self.refunds[idempotency_key] = known
        assert known.result is not None
        return known.result
