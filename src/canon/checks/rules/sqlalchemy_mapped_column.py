"""The `sqlalchemy-mapped-column` check.

Mapped attributes are `name: Mapped[T] = mapped_column(...)`, never `Column(...)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import AnnAssign, Call

from canon.checks.base import Check
from canon.checks.helpers.sqlalchemy import called_name, class_assignments, is_mapped

if TYPE_CHECKING:
    from libcst import ClassDef

__all__ = ["SqlalchemyMappedColumn"]


class SqlalchemyMappedColumn(Check):
    """Mapped attributes are `name: Mapped[T] = mapped_column(...)`, never `Column(...)`."""

    check_id: ClassVar[str] = "sqlalchemy-mapped-column"
    summary: ClassVar[str] = (
        "`Column()` in a mapped class instead of `Mapped[T] = mapped_column()`."
    )
    opportunity: ClassVar[str] = "Judge the column attributes of a class."

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge the column attributes of a class."""
        for assignment in class_assignments(node):
            value = assignment.value
            if not isinstance(value, Call):
                continue
            called = called_name(self.context.qualified(value.func))
            annotation = assignment.annotation if isinstance(assignment, AnnAssign) else None
            if called == "Column":
                self.flag(value, "`Column()` in a model; write `x: Mapped[T] = mapped_column()`")
            elif called == "mapped_column":
                if is_mapped(annotation):
                    self.ok()
                else:
                    self.flag(value, "`mapped_column()` without a `Mapped[T]` annotation")
