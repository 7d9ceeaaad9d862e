"""The `session-scalars` check: single-column results come from `Session.scalars()`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    Await,
    Call,
    FunctionDef,
    List,
    Name,
    Tuple,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.sqlalchemy import SESSIONISH, from_sqlalchemy

if TYPE_CHECKING:
    from libcst import (
        Assign,
        BaseExpression,
    )

    from canon.checks.base import FileContext

__all__ = ["SessionScalars"]


# Result methods that read a single column, and what to call instead of `execute(...).<read>()`.
_SCALAR_READS = {
    "scalars": "session.scalars(...)",
    "scalar": "session.scalar(...)",
    "scalar_one": "session.scalars(...).one()",
    "scalar_one_or_none": "session.scalars(...).one_or_none()",
}


def _session_call(node: BaseExpression, methods: frozenset[str]) -> Call | None:
    """`session.<method>(...)` (awaited or not) on a receiver named like a session."""
    if isinstance(node, Await):
        node = node.expression
    if not isinstance(node, Call) or not isinstance(node.func, Attribute):
        return None
    if node.func.attr.value not in methods:
        return None
    receiver = dotted(node.func.value).rpartition(".")[2]
    return node if SESSIONISH.search(receiver) else None


class SessionScalars(Check):
    """Single-column results come from `Session.scalars()`/`scalar()`, not `execute()`."""

    check_id: ClassVar[str] = "session-scalars"
    summary: ClassVar[str] = "A single-column query run with `session.execute()`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Recognises the session by name (`session`, `db`...) and a statement only when it is "
        "written in the call or assigned in the same function."
    )
    opportunity: ClassVar[str] = (
        "A session query for a single column: `session.execute()` of a one-column `select()` "
        "(in the call or assigned in the same function), or whose result is read with "
        "`.scalars()`/`.scalar*()`; and every `session.scalars(...)`/`session.scalar(...)`. "
        "Followed: `scalars()`/`scalar()`. Violated: `execute()`."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.single: set[tuple[int, str]] = set()
        self.judged: set[int] = set()

    def _scope(self) -> int:
        function = self.context.function()
        return id(function) if isinstance(function, FunctionDef) else 0

    def _single_column(self, statement: BaseExpression) -> bool:
        if isinstance(statement, Name):
            return (self._scope(), statement.value) in self.single
        node = statement
        while isinstance(node, Call):
            if from_sqlalchemy(self.context.qualified(node.func), "select"):
                args = node.args
                return (
                    len(args) == 1
                    and args[0].keyword is None
                    and not args[0].star
                    and not isinstance(args[0].value, List | Tuple)
                )
            if not isinstance(node.func, Attribute):
                return False
            node = node.func.value
        return False

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Remember a name assigned a one-column `select()`."""
        for target in node.targets:
            if isinstance(target.target, Name) and self._single_column(node.value):
                self.single.add((self._scope(), target.target.value))

    @override
    def visit_Call(self, node: Call) -> None:
        """Judge `session.execute(...)`; count `session.scalars(...)`/`scalar(...)`."""
        func = node.func
        if isinstance(func, Attribute) and func.attr.value in _SCALAR_READS:
            inner = _session_call(func.value, frozenset({"execute"}))
            if inner is not None:
                self.judged.add(id(inner))
                self.flag(
                    inner,
                    f"`execute(...).{func.attr.value}()`; use `{_SCALAR_READS[func.attr.value]}`",
                )
                return
        if id(node) in self.judged:
            return
        if _session_call(node, frozenset({"scalars", "scalar"})) is not None and node.args:
            self.ok()
        elif (
            _session_call(node, frozenset({"execute"})) is not None
            and node.args
            and self._single_column(node.args[0].value)
        ):
            self.flag(
                node,
                "`session.execute()` of a one-column `select()` returns one-value rows; "
                "use `session.scalars(...)`",
            )
