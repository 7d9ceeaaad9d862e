"""The expression a decorator calls or a base class names, without call or type arguments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from libcst import Call, Subscript

if TYPE_CHECKING:
    from libcst import Arg, BaseExpression, Decorator

__all__ = ["base_target", "decorator_target"]


def decorator_target(decorator: Decorator) -> BaseExpression:
    """The decorator's callable.

    Args:
        decorator: A decorator, called or not.

    Returns:
        `app.command` for `@app.command("name")`, the expression itself when not called.
    """
    target = decorator.decorator
    return target.func if isinstance(target, Call) else target


def base_target(base: Arg) -> BaseExpression:
    """A base's class expression, without type arguments.

    Args:
        base: A base of a class statement.

    Returns:
        `Generic` for `Generic[T]`, the expression itself otherwise.
    """
    value = base.value
    return value.value if isinstance(value, Subscript) else value
