"""The `parameter-count` check.

Functions take at most the parameter limit (5 by default, `self`/`cls` not counted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import FunctionDef

__all__ = ["ParameterCount"]


def _positional_count(node: FunctionDef, method: bool) -> int:
    params = node.params
    count = len(params.posonly_params) + len(params.params) + len(params.kwonly_params)
    if method and (params.posonly_params or params.params):
        count -= 1
    return count


class ParameterCount(Check):
    """Functions take at most the parameter limit (5 by default, `self`/`cls` not counted)."""

    check_id: ClassVar[str] = "parameter-count"
    summary: ClassVar[str] = "A function with more parameters than the limit (5)."
    opportunity: ClassVar[str] = "Count parameters."

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count parameters."""
        static = any(dotted(d.decorator) == "staticmethod" for d in node.decorators)
        method = self.context.enclosing_class() is not None and not static
        count = _positional_count(node, method)
        limit = self.context.settings.parameters
        if count > limit:
            message = f"`{node.name.value}` takes {count} parameters (limit {limit})"
            self.flag(node.name, message + "; group them in a dataclass")
        else:
            self.ok()
