# path: src/etl/plugins/registry.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: pep695-generics=compliant abc-imports=compliant builtin-generics=compliant no-any=compliant
# expect: raise-from=compliant bare-except=compliant f-strings=compliant relative-imports=compliant
# expect: type-statement=compliant class-length=compliant structlog=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant
"""Registry of extract/transform plugins discovered through entry points."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points

from structlog import get_logger

from .base import Plugin, PluginError

__all__ = ["PluginRegistry"]

log = get_logger(__name__)

type Factory[P: Plugin] = Callable[[], P]


@dataclass(slots=True, kw_only=True)
class PluginRegistry:
    """Mutable map of plugin names to factories, filled at start-up."""

    group: str = "acme.etl.plugins"
    factories: dict[str, Factory[Plugin]] = field(default_factory=dict)

    def register[P: Plugin](self, name: str, factory: Factory[P]) -> None:
        """Add a plugin factory under a name.

        Args:
            name: The name pipelines use.
            factory: Builds a fresh plugin.

        Raises:
            PluginError: If the name is taken.
        """
        if name in self.factories:
            raise PluginError(f"plugin {name!r} registered twice")
        self.factories[name] = factory

    def discover(self) -> int:
        """Register every plugin advertised by installed packages.

        Returns:
            How many plugins were added.
        """
        added = 0
        for entry in entry_points(group=self.group):
            try:
                factory = entry.load()
            except ImportError as exc:
                log.warning("plugin_import_failed", plugin=entry.name, error=str(exc))
                continue
            self.register(entry.name, factory)
            added += 1
        return added

    def create(self, name: str) -> Plugin:
        """Instantiate a plugin.

        Args:
            name: The registered name.

        Returns:
            A new plugin instance.

        Raises:
            PluginError: If no plugin has that name.
        """
        try:
            factory = self.factories[name]
        except KeyError as exc:
            raise PluginError(f"unknown plugin {name!r}") from exc
        return factory()

    def __iter__(self) -> Iterator[str]:
        """Iterate over the registered names in sorted order."""
        return iter(sorted(self.factories))
