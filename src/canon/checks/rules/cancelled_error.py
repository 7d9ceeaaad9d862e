"""The `cancelled-error` check.

`CancelledError` is never swallowed: a handler that catches it re-raises it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import ExceptStarHandler, Name

from canon.checks.base import Check, dotted
from canon.checks.helpers.handlers import CANCELLATION, caught_names, reraises

if TYPE_CHECKING:
    from libcst import Call, ExceptHandler

    from canon.checks.helpers.handlers import Handler

__all__ = ["CancelledErrorCheck"]


class CancelledErrorCheck(Check):
    """`CancelledError` is never swallowed: a handler that catches it re-raises it."""

    check_id: ClassVar[str] = "cancelled-error"
    summary: ClassVar[str] = "`CancelledError` caught (or suppressed) and not re-raised."
    opportunity: ClassVar[str] = (
        "Judge a handler (`except` or `except*`) that catches cancellation. Flag "
        "`suppress(CancelledError)`."
    )

    @override
    def visit_ExceptHandler(self, node: ExceptHandler) -> None:
        """Judge a handler that catches cancellation."""
        self._judge(node)

    @override
    def visit_ExceptStarHandler(self, node: ExceptStarHandler) -> None:
        """Judge an `except*` handler that catches cancellation."""
        self._judge(node)

    def _judge(self, node: Handler) -> None:
        caught = caught_names(node)
        explicit = "CancelledError" in caught
        if not explicit and not (self.context.in_async() and caught & CANCELLATION):
            return
        bound = node.name.name.value if node.name and isinstance(node.name.name, Name) else ""
        if reraises(node.body, bound):
            self.ok()
        else:
            what = "CancelledError" if explicit else ", ".join(sorted(caught))
            star = "*" if isinstance(node, ExceptStarHandler) else ""
            self.flag(
                node, f"`except{star} {what}` swallows cancellation; re-raise it with `raise`"
            )

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `suppress(CancelledError)`."""
        if self.context.qualified(node.func) != "contextlib.suppress":
            return
        names = {dotted(arg.value).rpartition(".")[2] for arg in node.args}
        if "CancelledError" in names:
            self.flag(node, "`suppress(CancelledError)` swallows cancellation; let it propagate")
