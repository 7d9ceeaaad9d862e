"""The `module-length` check: modules stay under the line limit (500 by default)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import Module

__all__ = ["ModuleLength"]


class ModuleLength(Check):
    """Modules stay under the line limit (500 by default)."""

    check_id: ClassVar[str] = "module-length"
    summary: ClassVar[str] = "A module longer than the limit (500 lines)."
    opportunity: ClassVar[str] = "Count the module's lines."

    @override
    def visit_Module(self, node: Module) -> None:
        """Count the module's lines."""
        lines = len(self.context.source.splitlines())
        limit = self.context.settings.module_lines
        if lines > limit:
            self.flag(node, f"module has {lines} lines (limit {limit}); split it")
        else:
            self.ok()
