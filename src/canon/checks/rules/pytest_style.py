"""The `pytest-style` check.

Tests are pytest functions with plain `assert`, not `unittest.TestCase` classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import ClassDef, FunctionDef

__all__ = ["PytestStyle"]


class PytestStyle(Check):
    """Tests are pytest functions with plain `assert`, not `unittest.TestCase` classes."""

    check_id: ClassVar[str] = "pytest-style"
    summary: ClassVar[str] = "A `unittest.TestCase` class instead of pytest functions."
    opportunity: ClassVar[str] = (
        "Flag `TestCase` subclasses. Count a test function outside classes."
    )

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Flag `TestCase` subclasses."""
        for base in node.bases:
            qualified = self.context.qualified(base.value)
            if qualified in {"unittest.TestCase", "TestCase", "unittest.IsolatedAsyncioTestCase"}:
                self.flag(
                    node.name,
                    f"`{node.name.value}` subclasses `{qualified}`; "
                    "write pytest functions with plain `assert`",
                )
                return
        if node.name.value.startswith("Test"):
            self.ok()

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count a test function outside classes."""
        if node.name.value.startswith("test_") and self.context.enclosing_class() is None:
            self.ok()
