"""The `sqlalchemy-typed-relationship` check: relationships are annotated `Mapped[...]`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import AnnAssign, Call

from canon.checks.base import Check
from canon.checks.helpers.sqlalchemy import called_name, class_assignments, is_mapped

if TYPE_CHECKING:
    from libcst import ClassDef

__all__ = ["SqlalchemyTypedRelationship"]


class SqlalchemyTypedRelationship(Check):
    """Relationships are annotated `Mapped[...]`."""

    check_id: ClassVar[str] = "sqlalchemy-typed-relationship"
    summary: ClassVar[str] = "A `relationship()` attribute without a `Mapped[...]` annotation."
    opportunity: ClassVar[str] = "Judge the relationship attributes of a class."

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge the relationship attributes of a class."""
        for assignment in class_assignments(node):
            value = assignment.value
            if not isinstance(value, Call):
                continue
            if called_name(self.context.qualified(value.func)) != "relationship":
                continue
            annotation = assignment.annotation if isinstance(assignment, AnnAssign) else None
            if is_mapped(annotation):
                self.ok()
            else:
                self.flag(value, "`relationship()` without a `Mapped[...]` annotation")
