"""The double-entry ledger: every charge, refund and payout is a balanced posting.

Accounts:
- `buyer_payments_clearing`: money in from buyers' cards (negative: received), out on refund;
- `escrow:<seller>`: what the platform holds for a seller until delivery;
- `platform_fees`: the platform's fee, taken at payout;
- `seller_payouts:<seller>`: what was paid out to a seller.

Money in (charges) = money out (refunds, payouts, fees) + held (escrow), for any set of
postings, because each posting's entries sum to zero.
"""

from __future__ import annotations

from dataclasses import dataclass

CLEARING = "buyer_payments_clearing"
FEES = "platform_fees"
# The platform's fee in basis points of what a bundle held (items and shipping). It is
# rounded DOWN to the cent: a fraction of a cent is the seller's, never the platform's.
FEE_BPS = 800


def escrow(seller_id: str) -> str:
    return f"escrow:{seller_id}"


def payouts(seller_id: str) -> str:
    return f"seller_payouts:{seller_id}"


@dataclass(frozen=True)
class LedgerEntry:
    account: str
    amount_cents: int


def fee_for(gross_cents: int) -> int:
    """The platform fee on a payout, rounded down (floor) to the cent."""
    return gross_cents * FEE_BPS // 10_000


def charge_entries(seller_id: str, amount: int) -> tuple[LedgerEntry, ...]:
    return (LedgerEntry(CLEARING, -amount), LedgerEntry(escrow(seller_id), amount))


def refund_entries(seller_id: str, amount: int) -> tuple[LedgerEntry, ...]:
    return (LedgerEntry(escrow(seller_id), -amount), LedgerEntry(CLEARING, amount))


def payout_entries(seller_id: str, gross: int) -> tuple[LedgerEntry, ...]:
    fee = fee_for(gross)
    return (
        LedgerEntry(escrow(seller_id), -gross),
        LedgerEntry(FEES, fee),
        LedgerEntry(payouts(seller_id), gross - fee),
    )


def balances(postings: list[tuple[LedgerEntry, ...]]) -> dict[str, int]:
    """Each account's balance over some postings."""
    out: dict[str, int] = {}
    for entries in postings:
        for entry in entries:
            out[entry.account] = out.get(entry.account, 0) + entry.amount_cents
    return out
