"""Bearer tokens: HS256 JWTs signed with the platform's token secret; `sub` is the user id.

The same tokens the edge accepts (livebid_edge.auth): `sub` and `exp` are required.
"""

from __future__ import annotations

import jwt


class TokenVerifier:
    def __init__(self, secret: str) -> None:
        self._secret = secret

    def user_id(self, token: str | None) -> str | None:
        """The token's user, or None when it is missing, malformed, badly signed or expired."""
        if not token:
            return None
        try:
            claims = jwt.decode(
                token, self._secret, algorithms=["HS256"], options={"require": ["sub", "exp"]}
            )
        except jwt.PyJWTError:
            return None
        sub = claims.get("sub")
        return sub if isinstance(sub, str) and sub else None


def bearer(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header."""
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None
