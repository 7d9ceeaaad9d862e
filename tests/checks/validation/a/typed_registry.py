# path: src/core/registry.py
# expect: pep695-generics=compliant type-statement=compliant abc-imports=compliant union-operator=compliant
# expect: docstrings=compliant google-docstrings=compliant dunder-all=compliant annotations=compliant
# expect: repr=compliant specific-imports=compliant function-length=compliant parameter-count=compliant
# expect: raise-from=compliant builtin-generics=compliant dataclass-frozen=compliant
# expect: dataclass-kw-only=compliant dataclass-options=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: domain-hierarchy=compliant
"""A typed registry of handlers keyed by name, with PEP 695 generics."""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

__all__ = ["Handler", "Registry", "RegistryError"]

type Handler[T, R] = Callable[[T], R]


class RegistryError(LookupError):
    """A handler is missing or registered twice."""


@dataclass(slots=True, kw_only=True)
class Registry[T, R]:
    """Handlers by name; filled at start-up, read afterwards.

    Attributes:
        kind: What the handlers handle, for error messages.
        handlers: The handlers by name.
    """

    kind: str
    handlers: dict[str, Handler[T, R]] = field(default_factory=dict)

    def register(self, name: str) -> Callable[[Handler[T, R]], Handler[T, R]]:
        """A decorator registering a handler under a name.

        Args:
            name: The handler's name.

        Returns:
            The decorator; it returns the handler unchanged.

        Raises:
            RegistryError: A handler already has the name.
        """
        if name in self.handlers:
            raise RegistryError(f"{self.kind} handler {name!r} registered twice")

        def decorate(handler: Handler[T, R]) -> Handler[T, R]:
            self.handlers[name] = handler
            return handler

        return decorate

    def dispatch(self, name: str, value: T) -> R:
        """Run the handler of a name.

        Args:
            name: The handler's name.
            value: Its argument.

        Returns:
            What the handler returns.

        Raises:
            RegistryError: No handler has the name.
        """
        try:
            handler = self.handlers[name]
        except KeyError as exc:
            raise RegistryError(f"no {self.kind} handler {name!r}") from exc
        return handler(value)

    def names(self) -> Iterator[str]:
        """The registered names, sorted.

        Returns:
            An iterator over them.
        """
        return iter(sorted(self.handlers))


def merged[K, V](first: Mapping[K, V], second: Mapping[K, V]) -> dict[K, V]:
    """Merge two mappings; the second wins on shared keys.

    Args:
        first: The base mapping.
        second: The overrides.

    Returns:
        A new dict.
    """
    return {**first, **second}
