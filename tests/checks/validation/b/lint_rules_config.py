# path: src/sqlguard/config.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: tomllib=compliant pathlib=compliant dataclass-options=compliant dataclass-frozen=compliant
# expect: dataclass-kw-only=compliant builtin-generics=compliant
# expect: raise-from=compliant bare-except=compliant f-strings=compliant comprehensions=compliant
# expect: no-any=compliant class-length=compliant type-statement=compliant abc-imports=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Read sqlguard's settings from `[tool.sqlguard]` in pyproject.toml."""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from tomllib import TOMLDecodeError, loads

__all__ = ["GuardConfig", "InvalidConfigError", "find_config"]

type Table = Mapping[str, object]


class InvalidConfigError(ValueError):
    """The `[tool.sqlguard]` table is malformed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GuardConfig:
    """Which rules run and on which files."""

    select: frozenset[str]
    ignore: frozenset[str]
    include: tuple[str, ...] = ("**/*.sql",)
    dialect: str = "postgres"

    def enabled(self, rule: str) -> bool:
        """Tell whether a rule runs.

        Args:
            rule: The rule code, like "SG101".

        Returns:
            True when selected and not ignored.
        """
        return rule not in self.ignore and any(rule.startswith(prefix) for prefix in self.select)


def _strings(table: Table, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = table.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidConfigError(f"`{key}` must be a list of strings")
    return tuple(value)


def find_config(start: Path) -> GuardConfig:
    """Find the nearest pyproject.toml and read its sqlguard table.

    Args:
        start: The directory to search upwards from.

    Returns:
        The configuration; defaults when no table is found.

    Raises:
        InvalidConfigError: If the file is not TOML or the table is malformed.
    """
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            document = loads(candidate.read_text(encoding="utf-8"))
        except TOMLDecodeError as exc:
            raise InvalidConfigError(f"{candidate}: {exc}") from exc
        table = document.get("tool", {}).get("sqlguard", {})
        return GuardConfig(
            select=frozenset(_strings(table, "select", ("SG",))),
            ignore=frozenset(_strings(table, "ignore", ())),
            include=_strings(table, "include", ("**/*.sql",)),
            dialect=str(table.get("dialect", "postgres")),
        )
    return GuardConfig(select=frozenset({"SG"}), ignore=frozenset())
