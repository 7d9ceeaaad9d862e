"""The `sqlalchemy-declarative-base` check.

Models derive from a `DeclarativeBase` subclass, never `declarative_base()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check
from canon.checks.helpers.sqlalchemy import from_sqlalchemy

if TYPE_CHECKING:
    from libcst import Call, ClassDef

__all__ = ["SqlalchemyDeclarativeBase"]


class SqlalchemyDeclarativeBase(Check):
    """Models derive from a `DeclarativeBase` subclass, never `declarative_base()`."""

    check_id: ClassVar[str] = "sqlalchemy-declarative-base"
    summary: ClassVar[str] = "`declarative_base()` instead of `DeclarativeBase`."
    opportunity: ClassVar[str] = "Flag `declarative_base()`. Count `class Base(DeclarativeBase)`."

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `declarative_base()`."""
        if from_sqlalchemy(self.context.qualified(node.func), "declarative_base"):
            self.flag(node, "`declarative_base()`; subclass `sqlalchemy.orm.DeclarativeBase`")

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Count `class Base(DeclarativeBase)`."""
        for base in node.bases:
            if from_sqlalchemy(self.context.qualified(base.value), "DeclarativeBase"):
                self.ok()
