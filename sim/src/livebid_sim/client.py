"""A small client of the edge HTTP API, as a phone app would use it."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any

import httpx


class ApiError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.detail = detail


@dataclass
class EdgeClient:
    """One signed-in user talking to the edge API."""

    http: httpx.AsyncClient
    user_id: str
    token: str

    @classmethod
    async def sign_in(
        cls, http: httpx.AsyncClient, user_id: str, roles: list[str], verified: bool = True
    ) -> EdgeClient:
        """Get a development token (the rehearsal's stand-in for the identity provider)."""
        reply = await http.post(
            "/v1/dev/tokens", json={"user_id": user_id, "roles": roles, "verified": verified}
        )
        _raise_for(reply)
        return cls(http, user_id, reply.json()["token"])

    async def call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"}
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        reply = await self._send(method, path, body, headers)
        _raise_for(reply)
        result: dict[str, Any] = reply.json()
        return result

    async def _send(
        self, method: str, path: str, body: dict[str, Any] | None, headers: dict[str, str]
    ) -> httpx.Response:
        """Send, retrying a dropped connection as a phone app would. Safe: a request that
        changes state carries its idempotency key, so a retry has no second effect."""
        for attempt in range(3):
            try:
                return await self.http.request(method, path, json=body, headers=headers)
            except httpx.TransportError:
                if attempt == 2 or (method != "GET" and "Idempotency-Key" not in headers):
                    raise
                await asyncio.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")

    async def write(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """A POST that changes state, with a fresh idempotency key."""
        return await self.call("POST", path, body or {}, idempotency_key=uuid.uuid4().hex)

    async def bid(
        self, auction_id: str, amount_cents: int = 0, max_cents: int = 0, key: str | None = None
    ) -> dict[str, Any]:
        body = {"amount_cents": amount_cents, "max_amount_cents": max_cents}
        return await self.call(
            "POST", f"/v1/auctions/{auction_id}/bids", body, idempotency_key=key or uuid.uuid4().hex
        )

    async def auction(self, auction_id: str) -> dict[str, Any]:
        return await self.call("GET", f"/v1/auctions/{auction_id}")


def _raise_for(reply: httpx.Response) -> None:
    if reply.status_code >= 400:
        try:
            detail = str(reply.json().get("detail"))
        except ValueError:
            detail = reply.text
        raise ApiError(reply.status_code, detail)
