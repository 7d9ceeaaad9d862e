"""The `sqlalchemy-select` check.

Queries use `select()` with `Session.execute`/`scalars`, never `session.query()`.
"""

from typing import ClassVar, override

from libcst import Attribute, Call

from canon.checks.base import Check, dotted
from canon.checks.helpers.sqlalchemy import SESSIONISH, from_sqlalchemy

__all__ = ["SqlalchemySelect"]


class SqlalchemySelect(Check):
    """Queries use `select()` with `Session.execute`/`scalars`, never `session.query()`."""

    check_id: ClassVar[str] = "sqlalchemy-select"
    summary: ClassVar[str] = "`session.query()` instead of `select()`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Recognises the receiver by name (`session`, `db`...)."
    opportunity: ClassVar[str] = "Flag `session.query(...)`, count `select(...)`."

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `session.query(...)`, count `select(...)`."""
        func = node.func
        if isinstance(func, Attribute) and func.attr.value == "query":
            receiver = dotted(func.value).rpartition(".")[2]
            if SESSIONISH.search(receiver):
                self.flag(node, "`session.query()`; use `session.scalars(select(...))`")
                return
        if from_sqlalchemy(self.context.qualified(func), "select"):
            self.ok()
