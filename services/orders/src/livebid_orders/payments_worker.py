"""The payments worker: a process manager over the orders' private log (consumer group
"orders-payments"). Each ChargeRequested or RefundRequested becomes one call to the payment
port, and its outcome comes back as a command (PaymentSucceeded, PaymentDeclined,
RefundSucceeded) on orders.commands.v1, for the bundle to decide. I/O here, rules there.

The provider's idempotency key is the charge (or refund) id, which the bundle derived from
the order and the attempt: a timeout asked again, a redelivered event, a restart, or a late
confirmation all reach the same key, so the buyer is charged at most once.
"""

from __future__ import annotations

import asyncio
import logging

from livebid.orders.internal.v1 import bundle_pb2

from livebid_orders.payments import ChargeResult, PaymentPort, ProviderTimeout
from livebid_platform import metrics
from livebid_platform.envelope import Envelope
from livebid_platform.writeside import Command

log = logging.getLogger(__name__)
GROUP = "orders-payments"


class PaymentsWorker:
    def __init__(self, port: PaymentPort, call_timeout_s: float = 1.0, attempts: int = 6) -> None:
        self._port = port
        self._call_timeout_s = call_timeout_s
        self._attempts = attempts

    async def commands_for(self, env: Envelope) -> list[Command]:
        """The Policy's translate: the outcome of the payment call an event asks for."""
        msg = env.message
        if isinstance(msg, bundle_pb2.ChargeRequested):
            return [await self._charge(msg)]
        if isinstance(msg, bundle_pb2.RefundRequested):
            return [await self._refund(msg)]
        return []

    async def _ask(self, operation: str, key: str, call: object) -> ChargeResult:
        """Ask until answered, with the same key each time (raises after `attempts`: the
        consumer retries, then dead-letters, and the order stays payment_pending)."""
        for attempt in range(1, self._attempts + 1):
            try:
                result: ChargeResult = await asyncio.wait_for(call(), self._call_timeout_s)  # type: ignore[operator]
            except (ProviderTimeout, TimeoutError):
                metrics.PAYMENTS.labels(operation, "timeout", "").inc()
                log.info("payment provider timed out", extra={"fields": {"key": key}})
                await asyncio.sleep(min(0.2 * 2**attempt, 2.0))
                continue
            outcome = "approved" if result.approved else "declined"
            metrics.PAYMENTS.labels(
                operation, outcome, result.reason if outcome == "declined" else ""
            ).inc()
            return result
        raise ProviderTimeout(f"no answer for {key} after {self._attempts} attempts")

    async def _charge(self, msg: bundle_pb2.ChargeRequested) -> Command:
        result = await self._ask(
            "charge",
            msg.charge_id,
            lambda: self._port.charge(
                msg.charge_id, msg.buyer_id, msg.amount_cents, msg.currency, msg.card_ref
            ),
        )
        outcome: bundle_pb2.PaymentSucceeded | bundle_pb2.PaymentDeclined
        if result.approved:
            outcome = bundle_pb2.PaymentSucceeded(
                bundle_id=msg.bundle_id, charge_id=msg.charge_id, provider_ref=result.provider_ref
            )
        else:
            outcome = bundle_pb2.PaymentDeclined(
                bundle_id=msg.bundle_id, charge_id=msg.charge_id, reason=result.reason
            )
        # One outcome per charge: a second report of it is the same command, decided once.
        return Command(outcome, f"outcome:{msg.charge_id}", msg.bundle_id)

    async def _refund(self, msg: bundle_pb2.RefundRequested) -> Command:
        result = await self._ask(
            "refund",
            msg.refund_id,
            lambda: self._port.refund(msg.refund_id, msg.buyer_id, msg.amount_cents, msg.currency),
        )
        if not result.approved:
            # A refund the provider refuses needs a person: dead-lettered with the reason.
            raise RuntimeError(f"refund {msg.refund_id} refused: {result.reason}")
        done = bundle_pb2.RefundSucceeded(
            bundle_id=msg.bundle_id, refund_id=msg.refund_id, provider_ref=result.provider_ref
        )
        return Command(done, f"outcome:{msg.refund_id}", msg.bundle_id)
