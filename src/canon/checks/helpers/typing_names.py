"""Names from `typing`, resolved through the file's imports; `@staticmethod`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from canon.checks.base import dotted

if TYPE_CHECKING:
    from libcst import BaseExpression, FunctionDef

    from canon.checks.base import FileContext

__all__ = ["TYPING_MODULES", "is_static", "typing_name"]


TYPING_MODULES = frozenset({"typing", "typing_extensions"})


def typing_name(context: FileContext, node: BaseExpression, names: frozenset[str]) -> str:
    """The `typing` name an expression refers to, if it is one of `names`.

    A bare name the file neither imports nor defines counts too: generated snippets often
    omit imports.

    Args:
        context: The file's context.
        node: A `Name` or `Attribute`.
        names: The typing names of interest.

    Returns:
        The typing name (`Optional`), or "".
    """
    qualified = context.qualified(node)
    module, _, name = qualified.rpartition(".")
    if name not in names:
        return ""
    if module in TYPING_MODULES:
        return name
    unbound = name not in context.aliases and name not in context.defined
    return name if not module and unbound else ""
    return ""


def is_static(node: FunctionDef) -> bool:
    """Whether a function is a `@staticmethod`.

    Args:
        node: The function.

    Returns:
        True when decorated with `staticmethod`.
    """
    return any(dotted(d.decorator) == "staticmethod" for d in node.decorators)
