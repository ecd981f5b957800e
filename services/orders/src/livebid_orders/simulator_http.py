"""The PaymentProviderSimulator over HTTP, as its own process (like a provider's sandbox),
and the adapter that orders' payments worker uses to reach it (`SimulatorClient`).

    python -m livebid_orders.simulator_http   # binds LIVEBID_PAYMENTS_HTTP

Tests and the rehearsal script it per card (`PUT /v1/script`) and read what it charged
(`GET /v1/ledger`), so they can prove that a charge happened once.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from livebid_orders.payments import ChargeResult, PaymentPort, ProviderTimeout
from livebid_orders.simulator import PaymentProviderSimulator
from livebid_platform import runtime
from livebid_platform.http_server import serve_until_stopped
from livebid_platform.settings import PlatformSettings


class ChargeBody(BaseModel):
    idempotency_key: str = Field(min_length=1, max_length=200)
    buyer: str
    amount_cents: int = Field(ge=0)
    currency: str
    card: str = ""


class ScriptBody(BaseModel):
    target: str = Field(min_length=1, description="a card ref, or a charge's idempotency key")
    outcomes: list[str] = Field(min_length=1)


def create_app(sim: PaymentProviderSimulator) -> FastAPI:
    app = FastAPI(title="PaymentProviderSimulator (not a real provider)")

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/charges")
    async def charge(body: ChargeBody) -> dict[str, Any]:
        try:
            result = await sim.charge(
                body.idempotency_key, body.buyer, body.amount_cents, body.currency, body.card
            )
        except ProviderTimeout as exc:
            raise HTTPException(504, str(exc)) from None
        return vars(result)

    @app.post("/v1/refunds")
    async def refund(body: ChargeBody) -> dict[str, Any]:
        result = await sim.refund(
            body.idempotency_key, body.buyer, body.amount_cents, body.currency
        )
        return vars(result)

    @app.put("/v1/script")
    async def script(body: ScriptBody) -> dict[str, str]:
        try:
            sim.script(body.target, body.outcomes)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return {"status": "scripted"}

    @app.get("/v1/ledger")
    async def ledger() -> dict[str, Any]:
        def row(c: Any) -> dict[str, Any]:
            result = c.result
            status = "pending" if result is None else "approved" if result.approved else "declined"
            return {
                "key": c.key,
                "buyer": c.buyer,
                "card": c.card,
                "amount_cents": c.amount_cents,
                "currency": c.currency,
                "status": status,
            }

        return {
            "charges": [row(c) for c in sim.charges.values()],
            "refunds": [row(c) for c in sim.refunds.values()],
            "calls": dict(sim.calls),
        }

    return app


class SimulatorClient(PaymentPort):
    """The payment port over the simulator's HTTP API; a call slower than `timeout_s` is a
    ProviderTimeout (the caller gives up; the same key asks again later)."""

    def __init__(self, base_url: str, timeout_s: float = 1.0) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout_s)

    async def _post(self, path: str, body: dict[str, Any]) -> ChargeResult:
        try:
            answer = await self._http.post(path, json=body)
        except httpx.TimeoutException:
            raise ProviderTimeout(f"no answer in time for {body['idempotency_key']}") from None
        except httpx.TransportError as exc:
            raise ProviderTimeout(f"provider unreachable: {exc}") from None
        if answer.status_code == 504:
            raise ProviderTimeout(answer.json().get("detail", "timeout"))
        answer.raise_for_status()
        data = answer.json()
        return ChargeResult(bool(data["approved"]), data["provider_ref"], data["reason"])

    async def charge(
        self, idempotency_key: str, buyer: str, amount_cents: int, currency: str, card: str
    ) -> ChargeResult:
        body = {
            "idempotency_key": idempotency_key,
            "buyer": buyer,
            "amount_cents": amount_cents,
            "currency": currency,
            "card": card,
        }
        return await self._post("/v1/charges", body)

    async def refund(
        self, idempotency_key: str, buyer: str, amount_cents: int, currency: str
    ) -> ChargeResult:
        body = {
            "idempotency_key": idempotency_key,
            "buyer": buyer,
            "amount_cents": amount_cents,
            "currency": currency,
        }
        return await self._post("/v1/refunds", body)

    async def close(self) -> None:
        await self._http.aclose()


def main() -> None:
    """Serve the simulator until SIGTERM; a clean stop exits 0 (runtime.run)."""
    settings = PlatformSettings()
    app = create_app(PaymentProviderSimulator())

    async def serve(stop: asyncio.Event) -> None:
        await serve_until_stopped(app, settings.payments_http, stop)

    runtime.run("payments-simulator", serve, settings.log_level)


if __name__ == "__main__":
    main()
