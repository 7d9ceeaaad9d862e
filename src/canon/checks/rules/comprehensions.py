"""The `comprehensions` check: comprehensions, never `map()`/`filter()` with a lambda."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import Lambda

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import Call, DictComp, GeneratorExp, ListComp, SetComp

__all__ = ["Comprehensions"]


class Comprehensions(Check):
    """Comprehensions, never `map()`/`filter()` with a lambda."""

    check_id: ClassVar[str] = "comprehensions"
    summary: ClassVar[str] = "`map()`/`filter()` with a lambda instead of a comprehension."
    opportunity: ClassVar[str] = (
        "Flag `map(lambda ...)` and `filter(lambda ...)`. Count a list, set or dict "
        "comprehension or a generator expression."
    )

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `map(lambda ...)` and `filter(lambda ...)`."""
        name = self.context.qualified(node.func)
        if name not in {"map", "filter"}:
            return
        if node.args and isinstance(node.args[0].value, Lambda):
            self.flag(node, f"`{name}()` with a lambda; write a comprehension")
        else:
            self.ok()

    @override
    def visit_ListComp(self, node: ListComp) -> None:
        """Count a comprehension."""
        self.ok()

    @override
    def visit_SetComp(self, node: SetComp) -> None:
        """Count a comprehension."""
        self.ok()

    @override
    def visit_DictComp(self, node: DictComp) -> None:
        """Count a comprehension."""
        self.ok()

    @override
    def visit_GeneratorExp(self, node: GeneratorExp) -> None:
        """Count a comprehension."""
        self.ok()
