"""The registry of assistant targets: canon's own, and those packages register.

A package adds a target with an entry point in the group `canon.targets`: the name is the
target's name, the value `module:attribute` names a callable returning a `Target`.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

from canon.errors import InputError

if TYPE_CHECKING:
    from canon.compiler.targets.base import Target

__all__ = ["BUILTIN", "ENTRY_POINT_GROUP", "get_target", "target_names"]

ENTRY_POINT_GROUP = "canon.targets"

BUILTIN: dict[str, str] = {
    "agents-md": "canon.compiler.targets.agents_md:AgentsMd",
    "aider": "canon.compiler.targets.aider:Aider",
    "amazonq": "canon.compiler.targets.amazonq:AmazonQ",
    "claude": "canon.compiler.targets.claude:Claude",
    "cline": "canon.compiler.targets.cline:Cline",
    "continue": "canon.compiler.targets.continue_dev:Continue",
    "copilot": "canon.compiler.targets.copilot:Copilot",
    "cursor": "canon.compiler.targets.cursor:Cursor",
    "gemini": "canon.compiler.targets.gemini:Gemini",
    "junie": "canon.compiler.targets.junie:Junie",
    "kiro": "canon.compiler.targets.kiro:Kiro",
    "roo": "canon.compiler.targets.roo:Roo",
    "windsurf": "canon.compiler.targets.windsurf:Windsurf",
    "zed": "canon.compiler.targets.zed:Zed",
}


@cache
def _registry() -> dict[str, str]:
    """Built-in targets and those installed packages register (built-ins win a clash)."""
    from importlib.metadata import entry_points

    found = {point.name: point.value for point in entry_points(group=ENTRY_POINT_GROUP)}
    return found | BUILTIN


def target_names() -> list[str]:
    """Every target's name, sorted.

    Returns:
        The names accepted by `--target`.
    """
    return sorted(_registry())


def get_target(name: str) -> Target:
    """Load one target by name.

    Args:
        name: The target's name.

    Returns:
        The target.

    Raises:
        InputError: No target has that name, or a plugin's entry point cannot be loaded.
    """
    # built-ins first: looking through installed packages' entry points costs tens of ms
    spec = BUILTIN.get(name) or _registry().get(name)
    if spec is None:
        known = ", ".join(target_names())
        raise InputError(f"unknown target {name!r} (known: {known}, all)")
    module_name, _, attribute = spec.partition(":")
    try:
        factory = getattr(import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise InputError(f"target {name!r} cannot be loaded from {spec}: {exc}") from None
    return factory()
