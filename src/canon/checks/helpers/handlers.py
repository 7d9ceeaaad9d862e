"""Except handlers: what they catch and whether they re-raise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from libcst import (
    CSTVisitor,
    Element,
    ExceptHandler,
    ExceptStarHandler,
    Tuple,
)

from canon.checks.base import dotted

if TYPE_CHECKING:
    from libcst import (
        BaseSuite,
        FunctionDef,
        Raise,
    )

__all__ = ["CANCELLATION", "Handler", "caught_names", "reraises"]


type Handler = ExceptHandler | ExceptStarHandler


CANCELLATION = frozenset({"CancelledError", "BaseException", "BaseExceptionGroup"})


def caught_names(node: Handler) -> set[str]:
    """The last names of what a handler catches (`CancelledError` for `asyncio.CancelledError`).

    Args:
        node: The handler, `except` or `except*`.

    Returns:
        The names; empty for a bare `except:`.
    """
    if node.type is None:
        return {"BaseException"}
    types = node.type.elements if isinstance(node.type, Tuple) else [node.type]
    names = set()
    for element in types:
        value = element.value if isinstance(element, Element) else element
        names.add(dotted(value).rpartition(".")[2])
    return names


def reraises(body: BaseSuite, bound: str) -> bool:
    """Whether a handler body contains a bare `raise` (or raises what it caught).

    Args:
        body: The handler's body.
        bound: The name the handler binds (`as exc`), or "".

    Returns:
        True when the body re-raises.
    """
    found = False

    class Finder(CSTVisitor):
        def visit_FunctionDef(self, node: FunctionDef) -> bool:
            return False

        def visit_Raise(self, node: Raise) -> None:
            nonlocal found
            if node.exc is None or (bound and dotted(node.exc) == bound):
                found = True

    body.visit(Finder())
    return found
