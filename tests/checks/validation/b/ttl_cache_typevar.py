# path: src/utils/cache.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: pep695-generics=violation class-length=compliant repr=violation union-operator=violation
# expect: builtin-generics=violation abc-imports=violation no-any=violation no-star-args=violation
# expect: type-statement=violation comprehensions=violation
"""In-process caches used by the API layer."""

import threading
import time
from typing import Any, Callable, Dict, Generic, Hashable, Optional, Tuple, TypeAlias, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

Entry: TypeAlias = Tuple[float, Any]


class TTLCache(Generic[K, V]):
    def __init__(self, ttl: float = 60.0, maxsize: int = 1024):
        self.ttl = ttl
        self.maxsize = maxsize
        self._data: Dict[K, Tuple[float, V]] = {}
        self._lock = threading.RLock()

    def get(self, key: K) -> Optional[V]:
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            expires, value = item
            if expires < time.monotonic():
                self._data.pop(key, None)
                return None
            return value

    def set(self, key: K, value: V) -> None:
        with self._lock:
            if len(self._data) >= self.maxsize:
                self._evict()
            self._data[key] = (time.monotonic() + self.ttl, value)

    def _evict(self) -> None:
        now = time.monotonic()
        expired = list(filter(lambda k: self._data[k][0] < now, self._data))
        for key in expired or [next(iter(self._data))]:
            del self._data[key]


def memoize(ttl: float = 60.0) -> Callable[[Callable[..., V]], Callable[..., V]]:
    """Cache a function's results for `ttl` seconds."""
    cache: TTLCache[Hashable, Any] = TTLCache(ttl=ttl)

    def decorator(func):
        def wrapper(*args, **kwargs):
            key = (func.__name__, args, tuple(sorted(kwargs.items())))
            hit = cache.get(key)
            if hit is None:
                hit = func(*args, **kwargs)
                cache.set(key, hit)
            return hit

        return wrapper

    return decorator
