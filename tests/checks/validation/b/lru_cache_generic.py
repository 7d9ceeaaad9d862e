# path: src/core/lru.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: pep695-generics=compliant class-length=compliant repr=compliant union-operator=compliant
# expect: builtin-generics=compliant abc-imports=compliant no-any=compliant f-strings=compliant
# expect: type-statement=compliant
"""A small thread-safe LRU cache with per-entry expiry."""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from time import monotonic

__all__ = ["LruCache"]

type Clock = Callable[[], float]


class LruCache[K: Hashable, V]:
    """Keeps the most recently used entries, each for at most `ttl` seconds."""

    def __init__(self, capacity: int, ttl: float, clock: Clock = monotonic) -> None:
        """Create an empty cache.

        Args:
            capacity: The most entries kept.
            ttl: Seconds an entry stays valid.
            clock: Returns the current time in seconds; injectable for tests.

        Raises:
            ValueError: If capacity is not positive.
        """
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self._capacity = capacity
        self._ttl = ttl
        self._clock = clock
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = Lock()

    def __repr__(self) -> str:
        """Show the size and capacity."""
        return f"LruCache(size={len(self._entries)}, capacity={self._capacity}, ttl={self._ttl})"

    def get(self, key: K) -> V | None:
        """Look up a key, refreshing its recency.

        Args:
            key: The key.

        Returns:
            The value, or None when absent or expired.
        """
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stored_at, value = entry
            if self._clock() - stored_at > self._ttl:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        """Store a value, evicting the least recently used entry when full.

        Args:
            key: The key.
            value: The value.
        """
        with self._lock:
            self._entries[key] = (self._clock(), value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)

    def get_or_compute(self, key: K, compute: Callable[[K], V]) -> V:
        """Return the cached value or compute and store it.

        Args:
            key: The key.
            compute: Builds the value for a missing key.

        Returns:
            The value.
        """
        cached = self.get(key)
        if cached is not None:
            return cached
        value = compute(key)
        self.put(key, value)
        return value
