"""The `function-length` check.

Functions stay under the line limit (30 by default), their docstring not counted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import FunctionDef, IndentedBlock

from canon.checks.helpers.lengths import LengthCheck

if TYPE_CHECKING:
    from collections.abc import Mapping

    from libcst import CSTNode

    from canon.checks.base import FileContext
    from canon.checks.helpers.lengths import Span

__all__ = ["FunctionLength"]


class FunctionLength(LengthCheck):
    """Functions stay under the line limit (30 by default), their docstring not counted."""

    check_id: ClassVar[str] = "function-length"
    summary: ClassVar[str] = "A function over the limit (30 lines, docstring excluded)."
    opportunity: ClassVar[str] = (
        "Measure a function and its docstring. Flag functions longer than the limit, "
        "not counting their docstrings."
    )
    kind: ClassVar[str] = "function"

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.docstrings: dict[int, CSTNode] = {}

    @override
    def limit(self) -> int:
        """The configured limit."""
        return self.context.settings.function_lines

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Measure a function and its docstring."""
        self.measure(node)
        if node.get_docstring(clean=False) is not None and isinstance(node.body, IndentedBlock):
            docstring = node.body.body[0]
            self.docstrings[id(node)] = docstring
            self.measure(docstring)

    @override
    def finish(self, spans: Mapping[CSTNode, Span]) -> None:
        """Flag functions longer than the limit, not counting their docstrings."""
        limit = self.limit()
        for node, (line, _, end_line, _) in spans.items():
            if not isinstance(node, FunctionDef):
                continue
            lines = end_line - line + 1
            docstring = self.docstrings.get(id(node))
            if docstring is not None and docstring in spans:
                lines -= spans[docstring][2] - spans[docstring][0] + 1
            if lines > limit:
                message = f"function `{node.name.value}` has {lines} lines without its docstring"
                self.flag(node.name, f"{message} (limit {limit}); split it")
            else:
                self.ok()
