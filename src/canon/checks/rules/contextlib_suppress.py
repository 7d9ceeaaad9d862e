"""The `contextlib-suppress` check.

Ignored exceptions use `contextlib.suppress()`, not `try`/`except`/`pass`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Continue,
    CSTVisitor,
    Expr,
    IndentedBlock,
    Name,
    Pass,
    Return,
    SimpleStatementLine,
    Try,
)
from libcst import Ellipsis as EllipsisNode

from canon.checks.base import Check
from canon.checks.helpers.handlers import CANCELLATION, caught_names

if TYPE_CHECKING:
    from libcst import (
        BaseSmallStatement,
        BaseSuite,
        Call,
        ExceptHandler,
        For,
        FunctionDef,
        Lambda,
        While,
    )

    from canon.checks.base import FileContext

__all__ = ["ContextlibSuppress"]


def _smalls(body: BaseSuite) -> list[BaseSmallStatement] | None:
    """The small statements of a body; None when it holds a compound statement."""
    statements = body.body if isinstance(body, IndentedBlock) else [body]
    smalls: list[BaseSmallStatement] = []
    for statement in statements:
        if not isinstance(statement, SimpleStatementLine):
            return None
        smalls.extend(statement.body)
    return smalls


def _ignoring(small: BaseSmallStatement) -> str:
    """How a handler statement ignores it: "pass", "skip" (`continue`), "return" or ""."""
    if isinstance(small, Pass) or (
        isinstance(small, Expr) and isinstance(small.value, EllipsisNode)
    ):
        return "pass"
    if isinstance(small, Continue):
        return "skip"
    if isinstance(small, Return) and (
        small.value is None or (isinstance(small.value, Name) and small.value.value == "None")
    ):
        return "return"
    return ""


def _ignores(handler: ExceptHandler) -> str:
    """How a handler only ignores what it catches (its last ignoring statement), or ""."""
    smalls = _smalls(handler.body)
    if not smalls:
        return ""
    kinds = [_ignoring(small) for small in smalls]
    if not all(kinds):
        return ""
    return "pass" if set(kinds) == {"pass"} else next(kind for kind in kinds if kind != "pass")


def _returns_value(body: BaseSuite) -> bool:
    """Whether a body returns a value somewhere (`return x`), nested functions aside."""
    found = False

    class Finder(CSTVisitor):
        @override
        def visit_FunctionDef(self, node: FunctionDef) -> bool:
            return False

        @override
        def visit_Lambda(self, node: Lambda) -> bool:
            return False

        @override
        def visit_Return(self, node: Return) -> None:
            nonlocal found
            found |= node.value is not None

    body.visit(Finder())
    return found


def _last(body: BaseSuite) -> Try | None:
    """The body's last statement when it is a `try`."""
    if isinstance(body, IndentedBlock) and body.body and isinstance(body.body[-1], Try):
        return body.body[-1]
    return None


class ContextlibSuppress(Check):
    """Ignored exceptions use `contextlib.suppress()`, not `try`/`except`/`pass`.

    The opportunity is a `try` with a handler whose body only ignores the exception (`pass`,
    `...`, `continue`, `return`/`return None`); a handler that logs or does anything else is
    none. It is broken when `with suppress(...)` says the same thing: no `else`/`finally`,
    every handler only ignoring (`suppress(A, B)` for several), and the ignoring statement
    changing nothing after the `with` (`continue` when the `try` ends its loop body, `return`
    when it ends a function whose tried statements return no value). The tried body may hold
    several statements: `with suppress(...)` wraps them all the same. Otherwise (another
    handler doing something, `else`/`finally`, `continue`/`return` with code after the
    `try`), the `try` keeps its form and follows the rule. `with suppress(...)` follows it.
    Cancellation is exempt: `suppress(CancelledError)` is what the standard forbids.
    """

    check_id: ClassVar[str] = "contextlib-suppress"
    summary: ClassVar[str] = "`try`/`except`/`pass` instead of `contextlib.suppress()`."
    opportunity: ClassVar[str] = (
        "Every `try` with a handler that only ignores the exception (`pass`, `...`, "
        "`continue`, `return`/`return None`), single or multi-handler, and every "
        "`suppress(...)`. Broken: `with suppress(...)` fits: no `else`/`finally`, every "
        "handler only ignoring, and `continue`/`return` ending the loop/function anyway (the "
        "tried body may hold several statements). Followed: `with suppress(...)`, or a `try` "
        "suppress cannot express (another handler doing something, `else`/`finally`, "
        "`continue`/`return` with code after the `try`). A handler that logs or acts is no "
        "opportunity; `CancelledError` is exempt."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.loop_ends: set[int] = set()
        self.function_ends: set[int] = set()

    @override
    def visit_For(self, node: For) -> None:
        """Note a `try` ending a loop body (`continue` there changes nothing)."""
        self._note(self.loop_ends, _last(node.body))

    @override
    def visit_While(self, node: While) -> None:
        """Note a `try` ending a loop body (`continue` there changes nothing)."""
        self._note(self.loop_ends, _last(node.body))

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Note a `try` ending a function body (`return` there changes nothing)."""
        self._note(self.function_ends, _last(node.body))

    @staticmethod
    def _note(ends: set[int], node: Try | None) -> None:
        if node is not None:
            ends.add(id(node))

    @override
    def visit_Try(self, node: Try) -> None:
        """Judge a `try` with a handler that only ignores the exception."""
        kinds = [_ignores(handler) for handler in node.handlers]
        if not any(kinds):
            return
        caught = set().union(*(caught_names(handler) for handler in node.handlers))
        if caught & CANCELLATION:
            return
        if self._fits(node, kinds):
            names = ", ".join(sorted(caught))
            self.flag(
                node, f"`try`/`except {names}` ignoring it; use `contextlib.suppress({names})`"
            )
        else:
            self.ok()

    def _fits(self, node: Try, kinds: list[str]) -> bool:
        """Whether `with suppress(...)` says what the `try` says."""
        if not all(kinds) or node.orelse or node.finalbody:
            return False
        if "skip" in kinds and id(node) not in self.loop_ends:
            return False
        if "return" in kinds:
            return id(node) in self.function_ends and not _returns_value(node.body)
        return True

    @override
    def visit_Call(self, node: Call) -> None:
        """Count `suppress(...)`."""
        if self.context.qualified(node.func) == "contextlib.suppress":
            self.ok()
