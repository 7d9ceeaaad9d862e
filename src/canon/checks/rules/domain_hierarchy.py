"""The `domain-hierarchy` check: exceptions come from one domain hierarchy, not `Exception`."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, ClassVar, override

from libcst import Call

from canon.checks.base import Check, dotted
from canon.checks.helpers.targets import base_target
from canon.checks.helpers.testing import in_test

if TYPE_CHECKING:
    from libcst import ClassDef, Module, Raise

    from canon.checks.base import FileContext

__all__ = ["DomainHierarchy"]


_BUILTIN_EXCEPTIONS = frozenset(
    name
    for name, value in vars(import_module("builtins")).items()
    if isinstance(value, type) and issubclass(value, BaseException)
)
_VANILLA = frozenset({"Exception", "BaseException"})


def _is_exception_name(name: str) -> bool:
    """Whether a class name reads as an exception's (`...Error`, `...Exception`)."""
    return name.endswith(("Error", "Exception")) and name not in _BUILTIN_EXCEPTIONS


class DomainHierarchy(Check):
    """Exceptions come from a domain hierarchy: one base per module, never bare `Exception`.

    A module defining several exceptions directly on built-in ones has no hierarchy; raising
    `Exception(...)` itself gives callers nothing to catch but everything.
    """

    check_id: ClassVar[str] = "domain-hierarchy"
    summary: ClassVar[str] = (
        "`raise Exception(...)`, or a module of flat exception classes with no hierarchy."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Exception classes are recognised by their bases and `...Error` names; a module of "
        "deliberately unrelated flat exceptions is reported too. Test code is exempt."
    )
    opportunity: ClassVar[str] = (
        "Outside test code: an exception class defined (warnings excepted), and a `raise` of "
        "`Exception`, `BaseException` or a non-built-in exception class. Followed: a class "
        "deriving from a domain exception, the roots of a module where one class derives "
        "from another (or its only root), a raise of a domain exception. Violated: "
        "`raise Exception(...)`, every root after the first in a module of two or more roots "
        "on built-in exceptions with nothing deriving from them."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.domain: set[str] = set()
        self.roots: list[ClassDef] = []
        self.hierarchy = False

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge an exception class's bases; note a root on a built-in exception."""
        if in_test(self.context):
            return
        bases = [dotted(base_target(base)).rpartition(".")[2] for base in node.bases]
        if any(base.endswith("Warning") for base in bases):
            return
        name = node.name.value
        if any(base in self.domain for base in bases):
            self.hierarchy = True
            self.domain.add(name)
            self.ok()
        elif any(_is_exception_name(base) for base in bases):
            self.domain.add(name)
            self.ok()
        elif bases and all(base in _BUILTIN_EXCEPTIONS for base in bases):
            self.domain.add(name)
            self.roots.append(node)

    @override
    def leave_Module(self, original_node: Module) -> None:
        """Judge the roots: several, with no class deriving from another, are no hierarchy."""
        if self.hierarchy or len(self.roots) < 2:
            self.ok(len(self.roots))
            return
        first, *others = self.roots
        self.ok()
        for node in others:
            self.flag(
                node.name,
                f"`{node.name.value}` derives from a built-in exception like "
                f"`{first.name.value}` and nothing derives from either; give the module's "
                "exceptions one domain base",
            )

    @override
    def visit_Raise(self, node: Raise) -> None:
        """Judge what a `raise` raises."""
        if node.exc is None or in_test(self.context):
            return
        target = node.exc.func if isinstance(node.exc, Call) else node.exc
        qualified = self.context.qualified(target).removeprefix("builtins.")
        name = qualified.rpartition(".")[2]
        if qualified in _VANILLA:
            self.flag(node, f"`raise {name}`; raise an exception of the domain's hierarchy")
        elif name in self.domain or _is_exception_name(name):
            self.ok()
