"""The payment port: what orders needs from a payment provider. A real provider's adapter
implements it; `simulator.py` is the local stand-in.

Every call carries an idempotency key (the charge or refund id, derived from the order and
the attempt): the provider takes the money at most once per key, however often it is asked.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


class ProviderTimeout(Exception):
    """No answer in time: the charge may or may not have happened; ask again, same key."""


@dataclass(frozen=True)
class ChargeResult:
    approved: bool
    provider_ref: str = ""  # the provider's charge id (private: never in a public event)
    reason: str = ""  # why it was declined, e.g. card_declined, insufficient_funds


class PaymentPort(ABC):
    @abstractmethod
    async def charge(
        self, idempotency_key: str, buyer: str, amount_cents: int, currency: str, card: str
    ) -> ChargeResult:
        """Charge `card`; the same key returns the first outcome and never charges twice."""

    @abstractmethod
    async def refund(
        self, idempotency_key: str, buyer: str, amount_cents: int, currency: str
    ) -> ChargeResult:
        """Give `amount_cents` back to the buyer, once per key."""
