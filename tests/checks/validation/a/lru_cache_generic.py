# path: src/common/lru.py
# expect: pep695-generics=compliant docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant union-operator=compliant repr=compliant
# expect: abc-imports=compliant function-length=compliant parameter-count=compliant builtin-generics=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""A small least-recently-used cache, generic in its keys and values."""

from collections import OrderedDict
from collections.abc import Callable, Hashable

__all__ = ["LruCache", "memoize"]


class LruCache[K: Hashable, V]:
    """Keeps the `capacity` most recently used entries."""

    def __init__(self, capacity: int) -> None:
        """Create an empty cache.

        Args:
            capacity: Most entries kept.

        Raises:
            ValueError: The capacity is below one.
        """
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._entries: OrderedDict[K, V] = OrderedDict()

    def __repr__(self) -> str:
        """Show size and capacity.

        Returns:
            `LruCache(size/capacity)`.
        """
        return f"LruCache({len(self._entries)}/{self._capacity})"

    def get(self, key: K) -> V | None:
        """The value under a key, marking it recently used.

        Args:
            key: The key.

        Returns:
            The value, or None.
        """
        if key not in self._entries:
            return None
        self._entries.move_to_end(key)
        return self._entries[key]

    def put(self, key: K, value: V) -> None:
        """Store a value, evicting the least recently used entry when full.

        Args:
            key: The key.
            value: The value.
        """
        self._entries[key] = value
        self._entries.move_to_end(key)
        if len(self._entries) > self._capacity:
            self._entries.popitem(last=False)


def memoize[K: Hashable, V](func: Callable[[K], V], capacity: int = 128) -> Callable[[K], V]:
    """Cache a one-argument function's results.

    Args:
        func: The function.
        capacity: Most results kept.

    Returns:
        The caching function.
    """
    cache: LruCache[K, V] = LruCache(capacity)

    def cached(key: K) -> V:
        found = cache.get(key)
        if found is None:
            found = func(key)
            cache.put(key, found)
        return found

    return cached
