"""The `test-names` check: tests are named `test_<unit>_<scenario>_<expected>`."""

from __future__ import annotations

from re import compile as re_compile
from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import FunctionDef

__all__ = ["TestNames"]


_TEST_NAME = re_compile(r"^test_[a-z0-9]+(?:_[a-z0-9]+){2,}$")


class TestNames(Check):
    """Tests are named `test_<unit>_<scenario>_<expected>`."""

    __test__: ClassVar[bool] = False
    check_id: ClassVar[str] = "test-names"
    summary: ClassVar[str] = "A test not named `test_<unit>_<scenario>_<expected>`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Counts underscores: a long unit name can pass without a scenario."
    opportunity: ClassVar[str] = "Judge a test's name."

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge a test's name."""
        name = node.name.value
        if not name.startswith("test_"):
            return
        if _TEST_NAME.match(name):
            self.ok()
        else:
            self.flag(node.name, f"`{name}`: name tests `test_<unit>_<scenario>_<expected>`")
