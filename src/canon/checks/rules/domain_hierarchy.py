"""The `domain-hierarchy` check: exceptions come from one domain hierarchy, not `Exception`."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, ClassVar, override

from libcst import Call

from canon.checks.base import Check, dotted
from canon.checks.helpers.targets import base_target
from canon.checks.helpers.testing import in_test

if TYPE_CHECKING:
    from libcst import ClassDef, Raise

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
        "`raise Exception(...)`, or a second exception class rooted directly on a built-in one."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Exception classes are recognised by their bases and `...Error` names; a module that "
        "deliberately defines two unrelated hierarchies is reported too. Test code is exempt."
    )
    opportunity: ClassVar[str] = (
        "Outside test code: an exception class defined, and a `raise` of `Exception`, "
        "`BaseException` or a non-built-in exception class. Followed: the module's first "
        "exception class on a built-in base, any class deriving from a domain exception, a "
        "raise of a domain exception. Violated: `raise Exception(...)`, a further exception "
        "class rooted directly on a built-in exception."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.domain: set[str] = set()
        self.root = ""

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge an exception class's bases."""
        if in_test(self.context):
            return
        bases = [dotted(base_target(base)).rpartition(".")[2] for base in node.bases]
        name = node.name.value
        if any(base in self.domain or _is_exception_name(base) for base in bases):
            self.domain.add(name)
            self.ok()
        elif bases and all(base in _BUILTIN_EXCEPTIONS for base in bases):
            self.domain.add(name)
            if not self.root:
                self.root = name
                self.ok()
            else:
                self.flag(
                    node.name,
                    f"`{name}` derives from `{bases[0]}` like `{self.root}`; "
                    "derive the module's exceptions from one domain base",
                )

    @override
    def visit_Raise(self, node: Raise) -> None:
        """Judge what a `raise` raises."""
        if node.exc is None or in_test(self.context):
            return
        target = node.exc.func if isinstance(node.exc, Call) else node.exc
        name = dotted(target).rpartition(".")[2]
        if name in _VANILLA:
            self.flag(node, f"`raise {name}`; raise an exception of the domain's hierarchy")
        elif name in self.domain or _is_exception_name(name):
            self.ok()
