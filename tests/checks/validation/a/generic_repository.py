# path: src/core/repository.py
# expect: pep695-generics=violation abc-imports=violation builtin-generics=violation union-operator=violation
# expect: docstrings=compliant google-docstrings=violation dunder-all=violation annotations=compliant
# expect: repr=violation specific-imports=compliant function-length=compliant parameter-count=compliant
# expect: raise-from=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
"""A generic in-memory repository used by services and their tests."""

from abc import ABC, abstractmethod
from typing import Callable, Dict, Generic, Iterable, List, Optional, TypeVar

T = TypeVar("T")
K = TypeVar("K")


class Repository(ABC, Generic[K, T]):
    """The interface every repository implements."""

    @abstractmethod
    def get(self, key: K) -> Optional[T]:
        """Return the entity stored under a key, if any."""

    @abstractmethod
    def add(self, key: K, entity: T) -> None:
        """Store an entity."""

    @abstractmethod
    def all(self) -> List[T]:
        """Return every entity."""


class InMemoryRepository(Repository[K, T]):
    """A dict-backed repository."""

    def __init__(self, items: Optional[Dict[K, T]] = None) -> None:
        self._items: Dict[K, T] = dict(items or {})

    def get(self, key: K) -> Optional[T]:
        """Return the entity stored under a key, if any."""
        return self._items.get(key)

    def add(self, key: K, entity: T) -> None:
        """Store an entity, replacing any under the same key."""
        self._items[key] = entity

    def all(self) -> List[T]:
        """Return every entity, in insertion order."""
        return list(self._items.values())

    def find(self, predicate: Callable[[T], bool]) -> List[T]:
        """Return the entities matching a predicate."""
        return [item for item in self._items.values() if predicate(item)]

    def extend(self, pairs: Iterable[tuple[K, T]]) -> None:
        """Store many entities."""
        for key, entity in pairs:
            self.add(key, entity)

    def remove(self, key: K) -> T:
        """Remove and return an entity."""
        try:
            return self._items.pop(key)
        except KeyError:
            raise LookupError(f"no entity under {key!r}") from None


def first(items: Iterable[T], default: Optional[T] = None) -> Optional[T]:
    """Return the first item, or a default."""
    for item in items:
        return item
    return default
