# path: src/webapp/sessions.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: no-pickle=compliant orjson=compliant timezone-aware=compliant async-blocking=compliant no-star-args=violation
# expect: class-length=compliant repr=compliant union-operator=compliant no-any=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: self-type=compliant builtin-generics=compliant structlog=compliant
# expect: contextlib-suppress=compliant f-strings=compliant
# expect: type-checking-imports=violation
# expect: value-object-equality=compliant
"""Server-side sessions stored in Redis as JSON."""

from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from secrets import token_urlsafe
from typing import Self

from orjson import JSONDecodeError, dumps, loads
from redis.asyncio import Redis
from structlog import get_logger

__all__ = ["Session", "SessionStore"]

log = get_logger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    """A logged-in browser session."""

    session_id: str
    user_id: int
    expires_at: datetime
    data: dict[str, str] = field(default_factory=dict)

    def with_data(self, **values: str) -> Self:
        """Copy the session with extra data.

        Args:
            **values: The entries to add or replace.

        Returns:
            The new session.
        """
        return replace(self, data={**self.data, **values})


class SessionStore:
    """Creates, loads and revokes sessions."""

    def __init__(self, redis: Redis, lifetime: timedelta = timedelta(hours=12)) -> None:
        """Use a Redis connection.

        Args:
            redis: The connection.
            lifetime: How long a new session lives.
        """
        self._redis = redis
        self._lifetime = lifetime

    def __repr__(self) -> str:
        """Show the session lifetime."""
        return f"SessionStore(lifetime={self._lifetime!r})"

    async def create(self, user_id: int) -> Session:
        """Start a session for a user.

        Args:
            user_id: The user who logged in.

        Returns:
            The new session.
        """
        session = Session(
            session_id=token_urlsafe(32),
            user_id=user_id,
            expires_at=datetime.now(UTC) + self._lifetime,
        )
        payload = {"user_id": user_id, "expires_at": session.expires_at.isoformat(), "data": {}}
        await self._redis.set(f"session:{session.session_id}", dumps(payload), ex=self._lifetime)
        log.info("session_created", user_id=user_id)
        return session

    async def load(self, session_id: str) -> Session | None:
        """Load a session.

        Args:
            session_id: The cookie value.

        Returns:
            The session, or None when unknown, expired or corrupt.
        """
        raw = await self._redis.get(f"session:{session_id}")
        if raw is None:
            return None
        with suppress(JSONDecodeError, KeyError):
            body = loads(raw)
            return Session(
                session_id=session_id,
                user_id=body["user_id"],
                expires_at=datetime.fromisoformat(body["expires_at"]),
                data=body["data"],
            )
        log.warning("session_corrupt", session_id=session_id)
        return None
