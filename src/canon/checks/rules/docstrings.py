"""The `docstrings` check: public modules, classes, functions and methods have docstrings."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import ClassDef, FunctionDef

from canon.checks.base import Check, dotted
from canon.checks.helpers.public_api import is_public, overrides

if TYPE_CHECKING:
    from libcst import Module

__all__ = ["Docstrings"]


def _dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


class Docstrings(Check):
    """Public modules, classes, functions and methods have docstrings.

    Special methods (`__init__`, `__repr__`, `__eq__`...) are public methods too (PEP 257 names
    the constructor; ruff's D105 and D107, the rule's equivalents, check them); those marked
    `@override` are exempt like other overrides. Methods of a private class are not public API.
    """

    check_id: ClassVar[str] = "docstrings"
    summary: ClassVar[str] = (
        "A public module, class, function or method (special methods such as `__init__` "
        "included) without a docstring (`@override` exempt)."
    )
    opportunity: ClassVar[str] = (
        "Judge the module docstring. Judge a public class. Judge a public function or method "
        "(`__init__` and other special methods are public)."
    )

    @override
    def visit_Module(self, node: Module) -> None:
        """Judge the module docstring."""
        if not node.body:
            return
        if node.get_docstring() is None:
            self.flag(node, "module has no docstring")
        else:
            self.ok()

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a public class."""
        if is_public(node.name.value) and not self._nested():
            self._judge(node, f"class `{node.name.value}`")

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge a public function or method (`__init__` and other special methods are public)."""
        name = node.name.value
        special = _dunder(name) and self.context.enclosing_class() is not None
        if not (is_public(name) or special) or name.startswith("test_") or self._nested():
            return
        if self._in_private_class():
            return
        if any(dotted(d.decorator).endswith("overload") for d in node.decorators):
            return
        if overrides(node, self.context):
            return
        self._judge(node, f"function `{name}`")

    def _nested(self) -> bool:
        """Whether the node sits inside a function (local helpers need no docstring)."""
        return any(isinstance(n, FunctionDef) for n in self.context.stack[:-1])

    def _in_private_class(self) -> bool:
        """Whether a class around the node is private (its methods are not public API)."""
        return any(
            isinstance(n, ClassDef) and not is_public(n.name.value) for n in self.context.stack[:-1]
        )

    def _judge(self, node: FunctionDef | ClassDef, what: str) -> None:
        if node.get_docstring() is None:
            self.flag(node.name, f"{what} has no docstring")
        else:
            self.ok()
