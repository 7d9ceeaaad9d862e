"""The `pytest-asyncio` check: async tests run under pytest-asyncio, marked `asyncio`.

Without the mark (in pytest-asyncio's default strict mode) an `async def test_*` is never
awaited: it passes without running. A sync test driving the loop by hand with `asyncio.run`
hides the same test from the plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    ClassDef,
    CSTVisitor,
    Name,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.targets import decorator_target
from canon.checks.helpers.testing import pytest_mark

if TYPE_CHECKING:
    from libcst import (
        Assign,
        Call,
        CSTNode,
        FunctionDef,
        Module,
    )

    from canon.checks.base import FileContext

__all__ = ["PytestAsyncio"]


def _marks_asyncio(value: CSTNode) -> bool:
    """Whether an expression mentions `pytest.mark.asyncio` (or `mark.asyncio`)."""
    found = False

    class Finder(CSTVisitor):
        def visit_Attribute(self, node: Attribute) -> None:
            nonlocal found
            found = found or dotted(node).endswith("mark.asyncio")

    value.visit(Finder())
    return found


class PytestAsyncio(Check):
    """Async tests run under pytest-asyncio: marked `asyncio`, fixtures `pytest_asyncio.fixture`."""

    check_id: ClassVar[str] = "pytest-asyncio"
    summary: ClassVar[str] = (
        "An async test without the `asyncio` mark, an async `pytest.fixture`, or a test "
        "running the event loop by hand."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A project configured with `asyncio_mode = auto` needs no marks: its unmarked async "
        "tests and fixtures are reported too. Files using anyio are left alone."
    )
    opportunity: ClassVar[str] = (
        "Async test code, in a file that does not use anyio: an `async def test_*`, an async "
        "fixture, and a sync test calling `asyncio.run()`/`run_until_complete()`. Followed: "
        "the test marked `asyncio` (itself, its class or the module's `pytestmark`), the "
        "fixture declared with `pytest_asyncio.fixture`. Violated: an unmarked async test, an "
        "async `pytest.fixture`, a loop run by hand."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.module_marked = False
        self.anyio = False
        self.tests: list[tuple[CSTNode, bool]] = []
        self.broken: list[tuple[CSTNode, str]] = []
        self.followed = 0

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Note a module-wide `pytestmark` naming `asyncio`."""
        named = any(
            isinstance(target.target, Name) and target.target.value == "pytestmark"
            for target in node.targets
        )
        if named and not self.context.stack and _marks_asyncio(node.value):
            self.module_marked = True

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge an async test's marks and an async fixture's decorator."""
        marks = {pytest_mark(self.context, decorator) for decorator in node.decorators}
        cls = self.context.enclosing_class()
        if isinstance(cls, ClassDef):
            marks |= {pytest_mark(self.context, decorator) for decorator in cls.decorators}
        self.anyio = self.anyio or "anyio" in marks
        if node.asynchronous is None:
            return
        if node.name.value.startswith("test_"):
            self.tests.append((node.name, "asyncio" in marks))
            return
        for decorator in node.decorators:
            qualified = self.context.qualified(decorator_target(decorator))
            if qualified == "pytest_asyncio.fixture":
                self.followed += 1
            elif qualified == "pytest.fixture":
                self.broken.append(
                    (
                        node.name,
                        "async fixture under `pytest.fixture`; use `pytest_asyncio.fixture`",
                    )
                )

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag a sync test running the event loop by hand."""
        function = self.context.function()
        if function is None or function.asynchronous is not None:
            return
        if not function.name.value.startswith("test_"):
            return
        qualified = self.context.qualified(node.func)
        by_hand = qualified == "asyncio.run" or (
            isinstance(node.func, Attribute) and node.func.attr.value == "run_until_complete"
        )
        if by_hand:
            self.broken.append(
                (
                    node,
                    "the test runs the event loop by hand; make it `async def` and mark it "
                    "`@pytest.mark.asyncio`",
                )
            )

    @override
    def leave_Module(self, original_node: Module) -> None:
        """Decide, now that the module's marks and imports are known."""
        if self.anyio or any(
            target.partition(".")[0] in {"anyio", "trio"}
            for target in self.context.aliases.values()
        ):
            return
        self.ok(self.followed)
        for name, marked in self.tests:
            if marked or self.module_marked:
                self.ok()
            else:
                self.flag(
                    name, "async test without `@pytest.mark.asyncio`; run it under pytest-asyncio"
                )
        for node, message in self.broken:
            self.flag(node, message)
