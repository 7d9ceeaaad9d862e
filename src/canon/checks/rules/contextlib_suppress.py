"""The `contextlib-suppress` check.

Ignored exceptions use `contextlib.suppress()`, not `try`/`except`/`pass`.
"""

from typing import ClassVar, override

from libcst import BaseSuite, Call, Expr, IndentedBlock, Pass, SimpleStatementLine, Try
from libcst import Ellipsis as EllipsisNode

from canon.checks.base import Check
from canon.checks.helpers.handlers import CANCELLATION, caught_names

__all__ = ["ContextlibSuppress"]


def _only_pass(body: BaseSuite) -> bool:
    statements = body.body if isinstance(body, IndentedBlock) else [body]
    for statement in statements:
        smalls = statement.body if isinstance(statement, SimpleStatementLine) else [statement]
        for small in smalls:
            if isinstance(small, Pass):
                continue
            if isinstance(small, Expr) and isinstance(small.value, EllipsisNode):
                continue
            return False
    return True


class ContextlibSuppress(Check):
    """Ignored exceptions use `contextlib.suppress()`, not `try`/`except`/`pass`.

    Cancellation is exempt: `suppress(CancelledError)` is what the standard forbids.
    """

    check_id: ClassVar[str] = "contextlib-suppress"
    summary: ClassVar[str] = "`try`/`except`/`pass` instead of `contextlib.suppress()`."
    opportunity: ClassVar[str] = "Judge a `try` statement. Count `suppress(...)`."

    @override
    def visit_Try(self, node: Try) -> None:
        """Judge a `try` statement."""
        if len(node.handlers) != 1 or node.orelse or node.finalbody:
            return
        handler = node.handlers[0]
        if caught_names(handler) & CANCELLATION:
            return
        if _only_pass(handler.body):
            caught = ", ".join(sorted(caught_names(handler)))
            self.flag(node, f"`try`/`except {caught}: pass`; use `contextlib.suppress({caught})`")
        else:
            self.ok()

    @override
    def visit_Call(self, node: Call) -> None:
        """Count `suppress(...)`."""
        if self.context.qualified(node.func) == "contextlib.suppress":
            self.ok()
