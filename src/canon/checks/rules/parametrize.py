"""The `parametrize` check: data-driven tests use `pytest.mark.parametrize`, not a loop of cases.

A test that loops over a literal table of cases, calling the code under test with each and
asserting, stops at the first failing case and reports it without its inputs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    Call,
    ClassDef,
    CSTVisitor,
    Dict,
    List,
    Name,
    Set,
    Tuple,
)

from canon.checks.base import Check
from canon.checks.helpers.testing import pytest_mark

if TYPE_CHECKING:
    from libcst import (
        Assert,
        Assign,
        BaseExpression,
        CSTNode,
        For,
        FunctionDef,
    )

    from canon.checks.base import FileContext

__all__ = ["Parametrize"]


def _names(target: BaseExpression) -> set[str]:
    """The names a `for` target binds."""
    if isinstance(target, Name):
        return {target.value}
    if isinstance(target, Tuple | List):
        return {name for element in target.elements for name in _names(element.value)}
    return set()


def _feeds_a_call_and_asserts(loop: For, names: set[str]) -> bool:
    """Whether the loop body asserts (`assert` or `self.assert...`) and feeds a call a case."""
    asserts = False
    feeds = False

    class Finder(CSTVisitor):
        def visit_FunctionDef(self, node: FunctionDef) -> bool:
            return False

        def visit_Assert(self, node: Assert) -> None:
            nonlocal asserts
            asserts = True

        def visit_Call(self, node: Call) -> None:
            nonlocal asserts, feeds
            func = node.func
            if isinstance(func, Attribute) and func.attr.value.startswith("assert"):
                asserts = True  # unittest's `self.assertEqual(...)`
            feeds = feeds or any(_mentions(arg.value, names) for arg in node.args)

    loop.body.visit(Finder())
    return asserts and feeds


def _mentions(node: CSTNode, names: set[str]) -> bool:
    found = False

    class Finder(CSTVisitor):
        def visit_Name(self, node: Name) -> None:
            nonlocal found
            found = found or node.value in names

    node.visit(Finder())
    return found


class Parametrize(Check):
    """Data-driven tests use `pytest.mark.parametrize`, not a loop over a table of cases."""

    check_id: ClassVar[str] = "parametrize"
    summary: ClassVar[str] = (
        "A test looping over a literal table of cases instead of `parametrize`."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Only loops over literal collections (or module constants holding one) whose body "
        "calls something with the loop variable and asserts (`assert`, `self.assert...`) are seen."
    )
    opportunity: ClassVar[str] = (
        "A data-driven test: a test function marked `parametrize`, a fixture with `params=`, "
        "or a `for` loop in a test over a literal list, tuple, set or dict of two or more "
        "cases (or a module constant holding one, or `zip`/`.items()` of them) whose body "
        "passes the loop variable to a call and asserts (`assert` or unittest's "
        "`self.assert...`). Followed: `parametrize`/`params=`. Violated: the loop."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.tables: set[str] = set()

    def _is_table(self, node: BaseExpression) -> bool:
        if isinstance(node, List | Tuple | Set):
            return len(node.elements) >= 2
        if isinstance(node, Dict):
            return len(node.elements) >= 2
        if isinstance(node, Name):
            return node.value in self.tables
        if isinstance(node, Call) and self.context.qualified(node.func) == "zip":
            return bool(node.args) and all(self._is_table(arg.value) for arg in node.args)
        if (
            isinstance(node, Call)
            and isinstance(node.func, Attribute)
            and node.func.attr.value == "items"
        ):
            return self._is_table(node.func.value)
        return False

    def _in_test(self) -> bool:
        function = self.context.function()
        return function is not None and function.name.value.startswith("test_")

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Remember a module-level constant holding a table of cases."""
        if self.context.stack or not self._is_table(node.value):
            return
        for target in node.targets:
            if isinstance(target.target, Name):
                self.tables.add(target.target.value)

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count a test marked `parametrize` and a fixture with `params=`."""
        name = node.name.value
        marks = {pytest_mark(self.context, decorator) for decorator in node.decorators}
        cls = self.context.enclosing_class()
        if isinstance(cls, ClassDef):
            marks |= {pytest_mark(self.context, decorator) for decorator in cls.decorators}
        if name.startswith("test_") and "parametrize" in marks:
            self.ok()
            return
        for decorator in node.decorators:
            call = decorator.decorator
            if (
                isinstance(call, Call)
                and self.context.qualified(call.func).rpartition(".")[2] == "fixture"
                and any(arg.keyword and arg.keyword.value == "params" for arg in call.args)
            ):
                self.ok()

    @override
    def visit_For(self, node: For) -> None:
        """Flag a loop over a table of cases in a test."""
        if not self._in_test() or not self._is_table(node.iter):
            return
        if _feeds_a_call_and_asserts(node, _names(node.target)):
            self.flag(
                node,
                "the test loops over a table of cases; give each case its own run with "
                "`@pytest.mark.parametrize`",
            )
