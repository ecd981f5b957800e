"""FastAPI dependencies: the service clients and the authenticated caller."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from livebid_edge.auth import InvalidToken, User, verify
from livebid_edge.clients import Clients
from livebid_edge.limits import MAX_IDEMPOTENCY_KEY_CHARS
from livebid_edge.request_digest import current_digest, digest

_bearer = HTTPBearer(auto_error=False)
INVALID_TOKEN = "invalid or expired token"
log = logging.getLogger(__name__)

# The dependencies are `async def` although they do not await: FastAPI runs a plain `def`
# dependency in a worker thread, and three thread hand-offs per request cost more CPU than
# the work itself (a JWT check is microseconds).


async def get_clients(request: Request) -> Clients:
    clients: Clients = request.app.state.clients
    return clients


async def current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    if credentials is None:
        raise HTTPException(401, "a bearer token is required", {"WWW-Authenticate": "Bearer"})
    try:
        return verify(request.app.state.settings.token_secret, credentials.credentials)
    except InvalidToken as exc:
        # PyJWT's and pydantic's words stay in the log: they describe the library, not the
        # caller's mistake; a malformed claim of ours is named in our own words.
        log.warning("invalid token: %s", exc)
        detail = INVALID_TOKEN + (f": claim {exc.claim} is malformed" if exc.claim else "")
        raise HTTPException(401, detail, {"WWW-Authenticate": "Bearer"}) from None


async def idempotency_key(
    request: Request,
    idempotency_key: Annotated[
        str,
        Header(
            max_length=MAX_IDEMPOTENCY_KEY_CHARS,
            pattern=r"^[!-~]+$",  # visible ASCII
            description="Makes a retry of this request safe: the same key, the same effect.",
        ),
    ],
) -> str:
    """The header, required (a missing one is answered 400: see errors.py). The request's
    digest goes with every service call it makes, so a reused key is recognised."""
    body = await request.body()
    current_digest.set(digest(request.method, request.url.path, body))
    return idempotency_key


ServiceClients = Annotated[Clients, Depends(get_clients)]
CurrentUser = Annotated[User, Depends(current_user)]
IdempotencyKey = Annotated[str, Depends(idempotency_key)]


def require_role(user: User, role: str) -> None:
    if not user.has(role):
        raise HTTPException(403, f"this action needs the {role!r} role")
