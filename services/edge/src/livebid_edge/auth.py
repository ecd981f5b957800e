"""Signed bearer tokens (HS256 JWT). Issuing real tokens is an identity provider's job; the
edge only verifies them. A development-only endpoint mints tokens for rehearsals and tests."""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt

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
    pass


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
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from None
    return User(
        user_id=str(claims["sub"]),
        roles=frozenset(claims.get("roles", [])),
        verified=bool(claims.get("verified", False)),
        follows=frozenset(claims.get("follows", [])),
        spending_limit_cents=int(claims.get("spending_limit_cents", 0)),
    )
