"""Test code: test modules, test functions, pytest decorators."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from libcst import Call, FunctionDef

from canon.checks.base import dotted

if TYPE_CHECKING:
    from libcst import Decorator

    from canon.checks.base import FileContext

__all__ = ["in_test", "is_test_module", "pytest_mark"]


def is_test_module(path: str) -> bool:
    """Whether a path is a pytest module: `test_*.py`, `*_test.py` or `conftest.py`.

    Args:
        path: The file's path as given.

    Returns:
        True for test modules and files under a `tests` directory.
    """
    pure = PurePath(path)
    name = pure.name
    return (
        name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
        or "tests" in pure.parts[:-1]
    )


def in_test(context: FileContext) -> bool:
    """Whether the current node is test code: in a test module or a `test_*` function.

    Args:
        context: The file's context.

    Returns:
        True inside test code.
    """
    if is_test_module(context.path):
        return True
    return any(
        isinstance(node, FunctionDef) and node.name.value.startswith("test_")
        for node in context.stack
    )


def pytest_mark(context: FileContext, decorator: Decorator) -> str:
    """The pytest mark a decorator applies: `parametrize` for `@pytest.mark.parametrize(...)`.

    Args:
        context: The file's context.
        decorator: A decorator.

    Returns:
        The mark's name; "" when the decorator is no pytest mark.
    """
    target = decorator.decorator
    target = target.func if isinstance(target, Call) else target
    qualified = context.qualified(target) or dotted(target)
    head, _, name = qualified.rpartition(".")
    if head in {"pytest.mark", "mark", "_pytest.mark"}:
        return name
    return ""
