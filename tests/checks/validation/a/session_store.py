# path: src/web/sessions.py
# expect: no-pickle=violation specific-imports=violation docstrings=compliant google-docstrings=compliant
# expect: dunder-all=compliant annotations=compliant repr=compliant hardcoded-secrets=violation
# expect: timezone-aware=compliant union-operator=compliant function-length=compliant parameter-count=compliant
# expect: type-checking-imports=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""Server-side web sessions stored in Redis."""

from __future__ import annotations

import pickle
import secrets
from datetime import UTC, datetime, timedelta

from redis import Redis

__all__ = ["SessionStore"]

SESSION_TTL = timedelta(hours=12)
SIGNING_KEY = "d41d8cd98f00b204e9800998ecf8427e-prod-session-key"


class SessionStore:
    """Sessions as pickled dicts under `session:<id>` keys."""

    def __init__(self, redis: Redis, *, prefix: str = "session:") -> None:
        """Create the store.

        Args:
            redis: The Redis connection.
            prefix: Key prefix.
        """
        self._redis = redis
        self._prefix = prefix

    def __repr__(self) -> str:
        """Show the key prefix.

        Returns:
            `SessionStore(prefix=...)`.
        """
        return f"SessionStore(prefix={self._prefix!r})"

    def create(self, data: dict[str, object]) -> str:
        """Store a new session.

        Args:
            data: The session's contents.

        Returns:
            The new session id.
        """
        session_id = secrets.token_urlsafe(32)
        payload = {"data": data, "created_at": datetime.now(UTC)}
        self._redis.setex(self._prefix + session_id, SESSION_TTL, pickle.dumps(payload))
        return session_id

    def load(self, session_id: str) -> dict[str, object] | None:
        """Read a session back.

        Args:
            session_id: The id from the cookie.

        Returns:
            Its contents, or None when expired or unknown.
        """
        raw = self._redis.get(self._prefix + session_id)
        if raw is None:
            return None
        return pickle.loads(raw)["data"]

    def destroy(self, session_id: str) -> None:
        """Delete a session (log-out).

        Args:
            session_id: The id from the cookie.
        """
        self._redis.delete(self._prefix + session_id)
