# path: src/auth/tokens.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: hardcoded-secrets=compliant timezone-aware=compliant raise-from=compliant bare-except=compliant
# expect: class-length=compliant repr=compliant builtin-generics=compliant
# expect: no-any=compliant structlog=compliant f-strings=compliant self-type=compliant
# expect: domain-hierarchy=compliant
"""Issue and verify the short-lived access tokens used by the API."""

from datetime import UTC, datetime, timedelta
from os import environ
from typing import Self
from uuid import uuid4

from jwt import ExpiredSignatureError, InvalidTokenError, decode, encode
from structlog import get_logger

__all__ = ["TokenError", "TokenService"]

log = get_logger(__name__)


class TokenError(Exception):
    """A token is missing, malformed, expired or forged."""


class TokenService:
    """Signs tokens with HS256 using a key from the environment."""

    def __init__(self, secret: str, issuer: str, lifetime: timedelta = timedelta(minutes=15)) -> None:
        """Create the service.

        Args:
            secret: The signing key.
            issuer: The `iss` claim written and required.
            lifetime: How long tokens stay valid.
        """
        self._secret = secret
        self._issuer = issuer
        self._lifetime = lifetime

    @classmethod
    def from_env(cls) -> Self:
        """Create the service from `AUTH_JWT_SECRET` and `AUTH_ISSUER`.

        Returns:
            The service.
        """
        return cls(environ["AUTH_JWT_SECRET"], environ.get("AUTH_ISSUER", "acme-api"))

    def __repr__(self) -> str:
        """Show the issuer, never the key."""
        return f"TokenService(issuer={self._issuer!r}, lifetime={self._lifetime})"

    def issue(self, subject: str, scopes: list[str]) -> str:
        """Create a signed token.

        Args:
            subject: The user id the token is for.
            scopes: The permissions granted.

        Returns:
            The encoded JWT.
        """
        now = datetime.now(UTC)
        claims = {
            "sub": subject,
            "iss": self._issuer,
            "iat": now,
            "exp": now + self._lifetime,
            "jti": uuid4().hex,
            "scope": " ".join(scopes),
        }
        return encode(claims, self._secret, algorithm="HS256")

    def verify(self, token: str) -> dict[str, str]:
        """Check a token's signature, issuer and expiry.

        Args:
            token: The encoded JWT.

        Returns:
            The subject and scope claims.

        Raises:
            TokenError: If the token is not valid.
        """
        try:
            claims = decode(token, self._secret, algorithms=["HS256"], issuer=self._issuer)
        except ExpiredSignatureError as exc:
            raise TokenError("token expired") from exc
        except InvalidTokenError as exc:
            log.info("token_rejected", reason=str(exc))
            raise TokenError("invalid token") from exc
        return {"sub": claims["sub"], "scope": claims.get("scope", "")}
