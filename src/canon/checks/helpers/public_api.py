"""Which functions are public API: names, decorators, `@override`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from libcst import Call

from canon.checks.base import dotted

if TYPE_CHECKING:
    from libcst import FunctionDef

    from canon.checks.base import FileContext

__all__ = ["OVERRIDE", "decorated", "is_public", "overrides"]


OVERRIDE = frozenset({"override", "typing.override", "typing_extensions.override"})


def is_public(name: str) -> bool:
    """Whether a name is public (no leading underscore).

    Args:
        name: A name.

    Returns:
        True unless it starts with `_`.
    """
    return not name.startswith("_")


def decorated(node: FunctionDef, context: FileContext, names: frozenset[str]) -> bool:
    """Whether a decorator of the function is one of `names` (qualified through imports).

    Args:
        node: The function.
        context: The file's context.
        names: Qualified decorator names.

    Returns:
        True when one decorator matches.
    """
    for decorator in node.decorators:
        target = decorator.decorator
        target = target.func if isinstance(target, Call) else target
        if dotted(target) in names or context.qualified(target) in names:
            return True
    return False


def overrides(node: FunctionDef, context: FileContext) -> bool:
    """Whether the method is marked `@override`: its base documents it.

    Args:
        node: The method.
        context: The file's context.

    Returns:
        True when decorated with `override`.
    """
    return decorated(node, context, OVERRIDE)
