# path: src/platform/cache.py
# expect: no-pickle=compliant orjson=compliant specific-imports=compliant docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant annotations=compliant repr=compliant
# expect: structlog=compliant abc-imports=compliant union-operator=compliant function-length=compliant
# expect: parameter-count=compliant pep695-generics=compliant contextlib-suppress=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
"""A Redis-backed cache for JSON-serialisable values."""

from collections.abc import Callable
from contextlib import suppress

from orjson import JSONDecodeError, dumps, loads
from redis import Redis, RedisError
from structlog import get_logger

__all__ = ["JsonCache"]

log = get_logger(__name__)


class JsonCache:
    """Values stored as JSON under a key prefix, with a time to live."""

    def __init__(self, redis: Redis, *, prefix: str, ttl_seconds: int = 300) -> None:
        """Create the cache.

        Args:
            redis: The Redis connection.
            prefix: Prepended to every key.
            ttl_seconds: How long entries live.
        """
        self._redis = redis
        self._prefix = prefix
        self._ttl = ttl_seconds

    def __repr__(self) -> str:
        """Show prefix and time to live.

        Returns:
            `JsonCache(prefix=..., ttl=...)`.
        """
        return f"JsonCache(prefix={self._prefix!r}, ttl={self._ttl})"

    def get(self, key: str) -> object | None:
        """The cached value, or None when absent, expired or unreadable.

        Args:
            key: The key, without prefix.

        Returns:
            The decoded value, or None.
        """
        raw = self._redis.get(self._prefix + key)
        if raw is None:
            return None
        with suppress(JSONDecodeError):
            return loads(raw)
        log.warning("cache.corrupt", key=key)
        return None

    def set(self, key: str, value: object) -> None:
        """Store a value.

        Args:
            key: The key, without prefix.
            value: A JSON-serialisable value.
        """
        try:
            self._redis.setex(self._prefix + key, self._ttl, dumps(value))
        except RedisError as exc:
            log.warning("cache.write_failed", key=key, error=str(exc))

    def get_or_compute[T](self, key: str, compute: Callable[[], T]) -> T | object:
        """The cached value, computing and storing it on a miss.

        Args:
            key: The key, without prefix.
            compute: Produces the value on a miss.

        Returns:
            The cached or computed value.
        """
        cached = self.get(key)
        if cached is not None:
            return cached
        value = compute()
        self.set(key, value)
        return value
