"""The `sqlalchemy-back-populates` check.

Relationships name their other side with `back_populates`, never `backref`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check
from canon.checks.helpers.sqlalchemy import called_name

if TYPE_CHECKING:
    from libcst import Call

__all__ = ["SqlalchemyBackPopulates"]


class SqlalchemyBackPopulates(Check):
    """Relationships name their other side with `back_populates`, never `backref`."""

    check_id: ClassVar[str] = "sqlalchemy-back-populates"
    summary: ClassVar[str] = "`backref` instead of `back_populates`."
    opportunity: ClassVar[str] = "Judge `relationship(...)`."

    @override
    def visit_Call(self, node: Call) -> None:
        """Judge `relationship(...)`."""
        if called_name(self.context.qualified(node.func)) != "relationship":
            return
        keywords = {arg.keyword.value for arg in node.args if arg.keyword is not None}
        if "backref" in keywords:
            self.flag(node, "`backref=`; declare both sides with `back_populates=`")
        else:
            self.ok()
