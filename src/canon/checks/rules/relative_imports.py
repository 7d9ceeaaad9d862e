"""The `relative-imports` check.

Relative imports stay inside their package: never `from ..x import y`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import ImportFrom

__all__ = ["RelativeImports"]


class RelativeImports(Check):
    """Relative imports stay inside their package: never `from ..x import y`."""

    check_id: ClassVar[str] = "relative-imports"
    summary: ClassVar[str] = "A relative import reaching a parent package (`from ..x`)."
    opportunity: ClassVar[str] = "Flag imports reaching a parent package."

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Flag imports reaching a parent package."""
        if len(node.relative) > 1:
            self.flag(node, "relative import from a parent package; import it absolutely")
        else:
            self.ok()
