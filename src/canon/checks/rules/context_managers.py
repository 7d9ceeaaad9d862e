"""The `context-managers` check: resources are managed by `@contextmanager` generators.

A class that is nothing but `__init__`, `__enter__` and `__exit__` is a generator function
with a `try`/`finally` written the long way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    CSTVisitor,
    FunctionDef,
    IndentedBlock,
    Name,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.public_api import decorated
from canon.checks.helpers.targets import base_target

if TYPE_CHECKING:
    from libcst import (
        Assign,
        AugAssign,
        ClassDef,
    )

__all__ = ["ContextManagers"]


_DECORATORS = frozenset(
    {
        "asynccontextmanager",
        "contextlib.asynccontextmanager",
        "contextlib.contextmanager",
        "contextmanager",
    }
)
_PROTOCOL = frozenset({"__enter__", "__exit__", "__aenter__", "__aexit__"})
# Methods a context-manager-only class may have besides the protocol.
_PLUMBING = _PROTOCOL | {"__init__", "__repr__"}
# Bases that add nothing a generator could not do.
_PLAIN_BASES = frozenset({"", "object", "AbstractContextManager", "AbstractAsyncContextManager"})


def _methods(node: ClassDef) -> dict[str, FunctionDef]:
    body = node.body.body if isinstance(node.body, IndentedBlock) else ()
    return {item.name.value: item for item in body if isinstance(item, FunctionDef)}


def _sets_state(method: FunctionDef) -> bool:
    """Whether a method sets `self.<attr>` (state the caller reads after the block).

    Clearing an attribute to None is clean-up, not state.
    """
    found = False

    class Finder(CSTVisitor):
        def visit_Assign(self, node: Assign) -> None:
            nonlocal found
            cleared = isinstance(node.value, Name) and node.value.value == "None"
            found = found or (not cleared and any(_on_self(t.target) for t in node.targets))

        def visit_AugAssign(self, node: AugAssign) -> None:
            nonlocal found
            found = found or _on_self(node.target)

    method.body.visit(Finder())
    return found


def _on_self(target: object) -> bool:
    return (
        isinstance(target, Attribute) and isinstance(target.value, Name)
    ) and target.value.value == "self"


class ContextManagers(Check):
    """Resources are managed by `@contextmanager`/`@asynccontextmanager` generators."""

    check_id: ClassVar[str] = "context-managers"
    summary: ClassVar[str] = (
        "A class that is only `__enter__`/`__exit__` instead of a `@contextmanager` function."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A class whose instances are used for their attributes inside the block (without "
        "setting them in `__exit__`) is flagged too."
    )
    opportunity: ClassVar[str] = (
        "A context manager defined: a class with `__enter__`/`__exit__` (or the async pair) "
        "or a `@contextmanager`/`@asynccontextmanager` function. Followed: the decorator, or "
        "a class that needs to be one (other methods, a base class, state set on exit). "
        "Violated: a class that is only the protocol (and `__init__`)."
    )

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a class that implements the context-manager protocol."""
        methods = _methods(node)
        sync = {"__enter__", "__exit__"} <= methods.keys()
        if not sync and not {"__aenter__", "__aexit__"} <= methods.keys():
            return
        bases = {dotted(base_target(base)).rpartition(".")[2] for base in node.bases}
        exit_method = methods["__exit__" if sync else "__aexit__"]
        if methods.keys() - _PLUMBING or bases - _PLAIN_BASES or _sets_state(exit_method):
            self.ok()
            return
        decorator = "@contextmanager" if sync else "@asynccontextmanager"
        self.flag(
            node.name,
            f"`{node.name.value}` is only a context manager; write a `{decorator}` generator "
            "with `try`/`finally` around its `yield`",
        )

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count a `@contextmanager`/`@asynccontextmanager` function."""
        if decorated(node, self.context, _DECORATORS):
            self.ok()
