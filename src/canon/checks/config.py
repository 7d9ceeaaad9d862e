"""`[tool.canon]` in `pyproject.toml`: selection, per-file ignores, thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from tomllib import TOMLDecodeError, loads
from typing import TYPE_CHECKING

from canon.checks.model import Settings
from canon.errors import InputError, Position

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

__all__ = ["Config", "find_pyproject", "load_config"]

_THRESHOLDS = {
    "function-lines": "function_lines",
    "parameters": "parameters",
    "class-lines": "class_lines",
    "module-lines": "module_lines",
}
_LISTS = ("select", "ignore", "exclude")
_RUNTIME = {
    "runtime-evaluated-base-classes": "runtime_evaluated_base_classes",
    "runtime-evaluated-decorators": "runtime_evaluated_decorators",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """What `[tool.canon]` says.

    Attributes:
        root: The folder holding the `pyproject.toml` (the working folder without one).
        select: Rule or check ids to run; empty for all.
        ignore: Rule or check ids not to run.
        per_file_ignores: Glob to rule or check ids ignored in matching files.
        exclude: Globs of paths not to walk into.
        settings: Thresholds, and what evaluates annotations at run time.
    """

    root: Path
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    settings: Settings = field(default_factory=Settings)


def find_pyproject(start: Path) -> Path | None:
    """The nearest `pyproject.toml`, from `start` upwards.

    Args:
        start: Where to start.

    Returns:
        The file, or None.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path) -> Config:
    """Read `[tool.canon]` of the nearest `pyproject.toml`.

    Args:
        start: Where to look from.

    Returns:
        The configuration (defaults without a file or table).

    Raises:
        InputError: The file is not valid TOML or the table has unknown keys or bad values.
    """
    path = find_pyproject(start)
    if path is None:
        return Config(root=start.resolve())
    try:
        document = loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, TOMLDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", Position(path=path)) from exc
    where = Position(path=path)
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise InputError("`tool` must be a table ([tool.canon] holds canon's settings)", where)
    table = tool.get("canon", {})
    if not isinstance(table, dict):
        raise InputError("[tool.canon] must be a table", where)
    unknown = set(table) - {*_THRESHOLDS, *_LISTS, *_RUNTIME, "per-file-ignores"}
    if unknown:
        raise InputError(f"[tool.canon]: unknown key(s) {', '.join(sorted(unknown))}", where)
    lists = {key: _strings(table.get(key, []), key, where) for key in _LISTS}
    return Config(
        root=path.parent,
        select=lists["select"],
        ignore=lists["ignore"],
        exclude=lists["exclude"],
        per_file_ignores=_per_file(table.get("per-file-ignores", {}), where),
        settings=Settings(**_thresholds(table, where), **_runtime(table, where)),
    )


def _per_file(value: object, where: Position) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise InputError("[tool.canon] per-file-ignores must be a table", where)
    return {glob: _strings(ids, f"per-file-ignores.{glob}", where) for glob, ids in value.items()}


def _thresholds(table: dict[str, object], where: Position) -> dict[str, int]:
    thresholds: dict[str, int] = {}
    for key, attribute in _THRESHOLDS.items():
        value = table.get(key)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(f"[tool.canon] {key} must be a positive integer", where)
        thresholds[attribute] = value
    return thresholds


def _runtime(table: dict[str, object], where: Position) -> dict[str, tuple[str, ...]]:
    """The runtime-evaluated bases and decorators given; each replaces its default."""
    return {
        attribute: _strings(table[key], key, where)
        for key, attribute in _RUNTIME.items()
        if key in table
    }


def _strings(value: object, key: str, where: Position) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(f"[tool.canon] {key} must be a list of strings", where)
    return tuple(value)
