"""The `duplicate-case-arms` check.

No two arms of a `match` have the same body; merge them with `|`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import Module

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import Match

__all__ = ["DuplicateCaseArms"]


class DuplicateCaseArms(Check):
    """No two arms of a `match` have the same body; merge them with `|`."""

    check_id: ClassVar[str] = "duplicate-case-arms"
    summary: ClassVar[str] = "Two `case` arms of one `match` with the same body."
    opportunity: ClassVar[str] = "Compare the bodies of the arms."

    @override
    def visit_Match(self, node: Match) -> None:
        """Compare the bodies of the arms."""
        render = Module(body=()).code_for_node
        seen: dict[str, str] = {}
        for case in node.cases:
            body = render(case.body).strip()
            pattern = render(case.pattern).strip()
            if body in seen and case.guard is None:
                self.flag(case, f"`case {pattern}` repeats the body of `case {seen[body]}`")
            else:
                seen.setdefault(body, pattern)
                self.ok()
