"""The base of checks that ban some modules in favour of others."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import Import

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from collections.abc import Mapping

    from libcst import CSTNode, ImportFrom

__all__ = ["ModuleBan", "imported_modules"]


def imported_modules(node: Import | ImportFrom) -> list[tuple[CSTNode, str]]:
    """Each imported module (for `import`) or the source module (for `from`).

    Args:
        node: The import.

    Returns:
        `(node to flag, module)` pairs.
    """
    if isinstance(node, Import):
        return [(alias, dotted(alias.name)) for alias in node.names]
    if node.relative or node.module is None:
        return []
    return [(node, dotted(node.module))]


class ModuleBan(Check):
    """Base of checks that ban some modules in favour of others."""

    banned: ClassVar[Mapping[str, str]] = {}
    preferred: ClassVar[frozenset[str]] = frozenset()

    def _judge(self, node: Import | ImportFrom) -> None:
        for where, module in imported_modules(node):
            top = module.partition(".")[0]
            if top in self.banned:
                self.flag(where, f"`{module}` imported; {self.banned[top]}")
            elif top in self.preferred:
                self.ok()

    @override
    def visit_Import(self, node: Import) -> None:
        """Judge `import x`."""
        self._judge(node)

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Judge `from x import y`."""
        self._judge(node)
