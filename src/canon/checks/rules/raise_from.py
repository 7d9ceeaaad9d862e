"""The `raise-from` check: `raise` inside `except` chains the cause: `raise X(...) from exc`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import ClassDef, ExceptHandler, ExceptStarHandler, FunctionDef, Lambda, Name

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import Raise

    from canon.checks.base import FileContext

__all__ = ["RaiseFrom"]


def _handler(context: FileContext) -> ExceptHandler | ExceptStarHandler | None:
    """The except handler (`except*` too) the node is in, unless a function or class intervenes."""
    for node in reversed(context.stack):
        if isinstance(node, ExceptHandler | ExceptStarHandler):
            return node
        if isinstance(node, FunctionDef | ClassDef | Lambda):
            return None
    return None


class RaiseFrom(Check):
    """`raise` inside `except` chains the cause: `raise X(...) from exc`."""

    check_id: ClassVar[str] = "raise-from"
    summary: ClassVar[str] = "`raise` inside `except` without `from`."
    opportunity: ClassVar[str] = "Judge a raise inside a handler."

    @override
    def visit_Raise(self, node: Raise) -> None:
        """Judge a raise inside a handler."""
        handler = _handler(self.context)
        if handler is None or node.exc is None:
            return
        bound = handler.name.name if handler.name else None
        if isinstance(bound, Name) and dotted(node.exc) == bound.value:
            return
        if node.cause is None:
            self.flag(node, "`raise` in `except` without `from`; chain the cause (`from exc`)")
        else:
            self.ok()
