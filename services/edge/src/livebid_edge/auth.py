"""Signed bearer tokens (HS256 JWT). Issuing real tokens is an identity provider's job; the
edge only verifies them. A development-only endpoint mints tokens for rehearsals and tests."""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from livebid_edge.limits import MAX_CENTS

ALGORITHM = "HS256"


@dataclass(frozen=True)
class User:
    user_id: str
    roles: frozenset[str]
    verified: bool
    # Sellers this user follows (followers-only giveaways); from the identity provider.
    follows: frozenset[str] = frozenset()
    # New buyers' limit across open commitments, set by risk; 0 = none.
    spending_limit_cents: int = 0

    def has(self, role: str) -> bool:
        return role in self.roles


class InvalidToken(Exception):
    """A token that does not verify; the message (PyJWT's or pydantic's) is for the log, and
    `claim` names the one of our claims that is malformed, if that is why."""

    def __init__(self, message: str, claim: str | None = None) -> None:
        super().__init__(message)
        self.claim = claim


class _Claims(BaseModel):
    """A token's claims, strictly typed: `"spending_limit_cents": false` is no limit of 0."""

    model_config = ConfigDict(strict=True)

    sub: str
    roles: list[str] = []
    verified: bool = False
    follows: list[str] = []
    spending_limit_cents: int = Field(default=0, ge=0, le=MAX_CENTS)


def issue(
    secret: str,
    user_id: str,
    roles: list[str],
    verified: bool,
    ttl_s: int = 3600,
    follows: list[str] | None = None,
    spending_limit_cents: int = 0,
) -> str:
    now = int(time.time())
    claims = {
        "sub": user_id,
        "roles": roles,
        "verified": verified,
        "follows": follows or [],
        "spending_limit_cents": spending_limit_cents,
        "iat": now,
        "exp": now + ttl_s,
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def verify(secret: str, token: str) -> User:
    try:
        claims = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]}
        )
        typed = _Claims.model_validate(claims)
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InvalidToken(f"claim {where}: {first['msg']}", claim=where) from None
    return User(
        user_id=typed.sub,
        roles=frozenset(typed.roles),
        verified=typed.verified,
        follows=frozenset(typed.follows),
        spending_limit_cents=typed.spending_limit_cents,
    )
