"""The base of the length checks: measure nodes, decide once spans are known."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import ClassDef, FunctionDef

from canon.checks.base import Check

if TYPE_CHECKING:
    from collections.abc import Mapping

    from libcst import CSTNode

__all__ = ["LengthCheck", "Span"]


type Span = tuple[int, int, int, int]


class LengthCheck(Check):
    """Base of the length checks: measure nodes, decide once spans are known."""

    kind: ClassVar[str] = ""

    def limit(self) -> int:
        """The largest allowed number of lines.

        Returns:
            The limit from the settings.
        """
        raise NotImplementedError

    @override
    def finish(self, spans: Mapping[CSTNode, Span]) -> None:
        """Flag the measured nodes longer than the limit."""
        limit = self.limit()
        for node, (line, _, end_line, _) in spans.items():
            lines = end_line - line + 1
            name = node.name.value if isinstance(node, FunctionDef | ClassDef) else ""
            if lines > limit:
                target = node.name if isinstance(node, FunctionDef | ClassDef) else node
                message = f"{self.kind} `{name}` has {lines} lines (limit {limit}); split it"
                self.flag(target, message)
            else:
                self.ok()
