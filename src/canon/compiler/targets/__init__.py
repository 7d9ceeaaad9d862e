"""The registry of assistant targets: canon's own, and those packages register.

A built-in target is one module of this package naming its target class `TARGET`; nothing
else lists it. A package adds a target with an entry point in the group `canon.targets`: the
name is the target's name, the value `module:attribute` names a callable returning a `Target`.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pkgutil import iter_modules
from typing import TYPE_CHECKING

from canon.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.metadata import EntryPoint

    from canon.compiler.targets.base import Target

__all__ = [
    "DEFAULT_TARGET",
    "ENTRY_POINT_GROUP",
    "find_target",
    "get_target",
    "glob_key_of",
    "target_names",
    "targets",
]

ENTRY_POINT_GROUP = "canon.targets"

DEFAULT_TARGET = "copilot"
"""The target written when none is named (a standard compiled without the manifest)."""


@cache
def _builtin() -> dict[str, Callable[[], Target]]:
    """Canon's own targets: every module of this package that names a `TARGET`."""
    found: dict[str, Callable[[], Target]] = {}
    for module_info in iter_modules(__path__, prefix=f"{__name__}."):
        factory = getattr(import_module(module_info.name), "TARGET", None)
        if factory is not None:
            found[factory().info.name] = factory
    return found


@cache
def _plugins() -> dict[str, EntryPoint]:
    """Targets installed packages register, by name."""
    from importlib.metadata import entry_points

    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)}


def target_names() -> list[str]:
    """Every target's name, sorted.

    Returns:
        The names accepted by `--target`.
    """
    return sorted(set(_builtin()) | set(_plugins()))


def get_target(name: str) -> Target:
    """Load one target by name (a built-in wins over a plugin of the same name).

    Args:
        name: The target's name.

    Returns:
        The target.

    Raises:
        InputError: No target has that name, or a plugin's entry point cannot be loaded.
    """
    # built-ins first: looking through installed packages' entry points costs tens of ms
    factory = _builtin().get(name)
    if factory is not None:
        return factory()
    point = _plugins().get(name)
    if point is None:
        known = ", ".join(target_names())
        raise InputError(f"unknown target {name!r} (known: {known}, all)")
    try:
        loaded: Callable[[], Target] = point.load()
    except (ImportError, AttributeError) as exc:
        raise InputError(f"target {name!r} cannot be loaded from {point.value}: {exc}") from None
    return loaded()


def find_target(name: str) -> Target | None:
    """Load a target by name, or None when no target (or no loadable one) has it.

    Args:
        name: A format's name (`markdown` names none).

    Returns:
        The target, or None.
    """
    try:
        return get_target(name)
    except InputError:
        return None


def targets() -> list[Target]:
    """Every loadable target, by name.

    Returns:
        The targets, in name order; a plugin that cannot be loaded is left out.
    """
    return [target for name in target_names() if (target := find_target(name)) is not None]


def glob_key_of(format_name: str) -> str:
    """The frontmatter key a format keeps its globs under.

    Args:
        format_name: A target's name, or `markdown`.

    Returns:
        The key; empty when the format has none or is no target's.
    """
    target = find_target(format_name)
    return target.info.glob_key if target is not None else ""
