"""The `class-length` check: classes stay under the line limit (200 by default)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.helpers.lengths import LengthCheck

if TYPE_CHECKING:
    from libcst import ClassDef

__all__ = ["ClassLength"]


class ClassLength(LengthCheck):
    """Classes stay under the line limit (200 by default)."""

    check_id: ClassVar[str] = "class-length"
    summary: ClassVar[str] = "A class longer than the limit (200 lines)."
    opportunity: ClassVar[str] = "Measure a class."
    kind: ClassVar[str] = "class"

    @override
    def limit(self) -> int:
        """The configured limit."""
        return self.context.settings.class_lines

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Measure a class."""
        self.measure(node)
