# path: src/analytics/cache.py
# expect: no-pickle=violation pathlib=violation specific-imports=violation docstrings=violation
# expect: google-docstrings=violation dunder-all=violation annotations=violation no-any=violation
# expect: contextlib-suppress=violation repr=violation structlog=violation timezone-aware=compliant
# expect: union-operator=compliant builtin-generics=compliant function-length=compliant
# expect: parameter-count=compliant no-star-args=violation fstring-debug=violation abc-imports=violation
# expect: module-length=compliant class-length=compliant bare-except=compliant wildcard-import=compliant relative-imports=compliant comprehensions=compliant
"""Disk cache for expensive analytics query results."""

import hashlib
import logging
import os
import pickle
import time
from typing import Any, Callable

logger = logging.getLogger(__name__)

CACHE_DIR = os.environ.get("ANALYTICS_CACHE_DIR", "/tmp/analytics-cache")


class ResultCache:
    def __init__(self, directory: str = CACHE_DIR, ttl_seconds: int = 3600):
        self.directory = directory
        self.ttl_seconds = ttl_seconds
        os.makedirs(directory, exist_ok=True)

    def _path(self, key: str) -> str:
        digest = hashlib.sha256(key.encode()).hexdigest()
        return os.path.join(self.directory, digest + ".pkl")

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        if not os.path.exists(path):
            return None
        if time.time() - os.path.getmtime(path) > self.ttl_seconds:
            try:
                os.remove(path)
            except OSError:
                pass
            return None
        with open(path, "rb") as handle:
            return pickle.load(handle)

    def set(self, key: str, value: Any) -> None:
        with open(self._path(key), "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        value = self.get(key)
        if value is None:
            logger.debug(f"cache miss key={key}")
            value = compute()
            self.set(key, value)
        return value

    def clear(self) -> int:
        removed = 0
        for name in os.listdir(self.directory):
            if name.endswith(".pkl"):
                os.remove(os.path.join(self.directory, name))
                removed += 1
        return removed


def cache_key(*parts, **options) -> str:
    ordered = sorted(options.items())
    return "|".join([*map(str, parts), *(f"{k}={v}" for k, v in ordered)])
