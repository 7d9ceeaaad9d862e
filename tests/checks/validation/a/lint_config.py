# path: src/devtools/lint_config.py
# expect: tomllib=compliant pathlib=compliant specific-imports=compliant docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant annotations=compliant raise-from=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant dataclass-options=compliant
# expect: function-length=compliant parameter-count=compliant self-type=compliant union-operator=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Read the linter's settings from `[tool.lint]` in pyproject.toml."""

from dataclasses import dataclass
from pathlib import Path
from tomllib import TOMLDecodeError, load
from typing import Self

__all__ = ["LintConfig", "LintConfigError"]


class LintConfigError(ValueError):
    """The `[tool.lint]` table is unreadable or holds a bad value."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LintConfig:
    """The linter's settings.

    Attributes:
        line_length: Longest line allowed.
        select: Rule codes to run; empty for all.
        exclude: Glob patterns of files to skip.
    """

    line_length: int = 100
    select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def from_pyproject(cls, path: Path) -> Self:
        """Read the settings of a project.

        Args:
            path: The project's pyproject.toml.

        Returns:
            The settings; defaults when the table is missing.

        Raises:
            LintConfigError: The file is not valid TOML or a value has the wrong type.
        """
        try:
            with path.open("rb") as handle:
                document = load(handle)
        except (OSError, TOMLDecodeError) as exc:
            raise LintConfigError(f"{path}: {exc}") from exc
        table = document.get("tool", {}).get("lint", {})
        length = table.get("line-length", 100)
        if not isinstance(length, int):
            raise LintConfigError(f"{path}: line-length must be an integer")
        return cls(
            line_length=length,
            select=tuple(table.get("select", ())),
            exclude=tuple(table.get("exclude", ())),
        )
