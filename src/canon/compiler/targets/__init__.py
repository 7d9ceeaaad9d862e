"""The registry of assistant targets: canon's own, and those packages register."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from canon.standards.errors import InputError

if TYPE_CHECKING:
    from canon.compiler.targets.base import Target

__all__ = ["BUILTIN", "get_target", "target_names"]

BUILTIN: dict[str, str] = {
    "copilot": "canon.compiler.targets.copilot:Copilot",
}


def target_names() -> list[str]:
    """Every target's name, sorted.

    Returns:
        The names accepted by `--target`.
    """
    return sorted(BUILTIN)


def get_target(name: str) -> Target:
    """Load one target by name.

    Args:
        name: The target's name.

    Returns:
        The target.

    Raises:
        InputError: No target has that name.
    """
    spec = BUILTIN.get(name)
    if spec is None:
        known = ", ".join(target_names())
        raise InputError(f"unknown target {name!r} (known: {known})")
    module_name, _, attribute = spec.partition(":")
    factory = getattr(import_module(module_name), attribute)
    return factory()
