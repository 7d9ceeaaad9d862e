# path: src/analytics/cache.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=violation
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: no-pickle=violation no-star-args=violation pathlib=compliant pep695-generics=violation
# expect: contextlib-suppress=violation structlog=violation abc-imports=violation
# expect: class-length=compliant repr=violation no-any=compliant
# expect: f-strings=compliant bare-except=compliant union-operator=compliant
# expect: type-checking-imports=violation
"""Disk cache for expensive analytics queries."""

import functools
import hashlib
import logging
import pickle
import time
from pathlib import Path
from typing import Callable, ParamSpec, TypeVar

__all__ = ["DiskCache", "cached"]

P = ParamSpec("P")
R = TypeVar("R")

logger = logging.getLogger(__name__)


class DiskCache:
    """Stores pickled results under a directory, keyed by call arguments."""

    def __init__(self, root: Path, ttl_seconds: float = 3600.0) -> None:
        """Create the cache directory if needed."""
        self.root = root
        self.ttl_seconds = ttl_seconds
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        return self.root / f"{hashlib.sha256(key.encode()).hexdigest()}.pkl"

    def get(self, key: str) -> object | None:
        """Return a cached value, or None when absent or stale."""
        path = self._path(key)
        if not path.exists() or time.time() - path.stat().st_mtime > self.ttl_seconds:
            return None
        with path.open("rb") as handle:
            return pickle.load(handle)

    def set(self, key: str, value: object) -> None:
        """Store a value."""
        tmp = self._path(key).with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self._path(key))

    def clear(self) -> int:
        """Delete every entry and return how many were removed."""
        removed = 0
        for entry in self.root.glob("*.pkl"):
            try:
                entry.unlink()
                removed += 1
            except FileNotFoundError:
                pass
        logger.info("cleared %d cache entries", removed)
        return removed


def cached(cache: DiskCache) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a function's results on disk."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            key = f"{func.__module__}.{func.__qualname__}:{args!r}:{sorted(kwargs.items())!r}"
            hit = cache.get(key)
            if hit is not None:
                return hit
            result = func(*args, **kwargs)
            cache.set(key, result)
            return result

        return wrapper

    return decorator
