"""Generate the catalog and the validation figures: `uv run python -m canon.checks.generate`.

Every module of `canon.checks.rules` holds one check class; the catalog is what start-up needs
of them (ids, summaries, flags) as plain data, so `canon --help`, `canon compile` and the
standards loader never import libcst. `tests/checks/test_one_home.py` fails when it drifts.

`canon.checks.validation_figures` holds each check's precision and recall on the labelled
corpus (`canon.checks.validation`), which `canon rules` publishes;
`tests/checks/test_validation.py` fails when it drifts.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from pkgutil import iter_modules
from subprocess import run
from sys import executable
from typing import TYPE_CHECKING

from canon.checks.base import Check
from canon.checks.rules import __path__ as _RULES_PATH
from canon.checks.validation import measure
from canon.safe_write import write_file

if TYPE_CHECKING:
    from collections.abc import Mapping

    from canon.checks.model import ValidationFigures

__all__ = [
    "CATALOG_PATH",
    "FIGURES_PATH",
    "check_modules",
    "discover_checks",
    "main",
    "render_catalog",
    "render_figures",
]

CATALOG_PATH = Path(__file__).with_name("catalog.py")
FIGURES_PATH = Path(__file__).with_name("validation_figures.py")
_RULES = "canon.checks.rules"
_HEADER = '''# ruff: noqa: E501
"""The catalog of checks as plain data, importable without libcst.

GENERATED from the check classes of `canon.checks.rules` by
`uv run python -m canon.checks.generate`: do not edit.
"""

from collections.abc import Mapping
from types import MappingProxyType

from canon.checks.model import SPECIAL_CHECKS, CheckInfo

__all__ = ["CHECKS", "CHECK_IDS", "SPECIAL_CHECKS"]

'''


def check_modules() -> list[str]:
    """The modules of `canon.checks.rules`, one per check, by name.

    Returns:
        Their dotted names, sorted.
    """
    return sorted(f"{_RULES}.{info.name}" for info in iter_modules(_RULES_PATH))


def discover_checks() -> list[type[Check]]:
    """Import every check module and take the checks it defines.

    Returns:
        The check classes, sorted by id.
    """
    found: list[type[Check]] = []
    for name in check_modules():
        module = import_module(name)
        found.extend(
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Check)
            and value.check_id
            and value.__module__ == name
        )
    return sorted(found, key=lambda cls: cls.check_id)


def _text(value: str) -> str:
    """A string literal as ruff formats it: double quotes unless single ones escape less."""
    quote = "'" if value.count('"') > value.count("'") else '"'
    return quote + value.replace("\\", "\\\\").replace(quote, "\\" + quote) + quote


def _entry(cls: type[Check]) -> str:
    fields = [
        f"id={_text(cls.check_id)}",
        f"implementation={_text(f'{cls.__module__}.{cls.__qualname__}')}",
        f"summary={_text(cls.summary)}",
        f"heuristic={cls.heuristic}",
        f"fixable={cls.fixable}",
        f"caveat={_text(cls.caveat)}",
        f"opportunity={_text(cls.opportunity)}",
    ]
    body = "".join(f"            {field},\n" for field in fields)
    return f"        {_text(cls.check_id)}: CheckInfo(\n{body}        ),\n"


def render_catalog() -> str:
    """The text of the catalog module.

    Returns:
        Python source, formatted as ruff formats it (long strings stay on one line).
    """
    entries = "".join(_entry(cls) for cls in discover_checks())
    return (
        _HEADER
        + "CHECKS: Mapping[str, CheckInfo] = MappingProxyType(\n    {\n"
        + entries
        + "    }\n)\nCHECK_IDS: frozenset[str] = frozenset(CHECKS)\n"
    )


_FIGURES_HEADER = '''"""Each check's precision and recall on the labelled corpus, as plain data.

GENERATED from `tests/checks/validation/` (see its README) by
`uv run python -m canon.checks.generate`: do not edit. A check missing here has no labelled file.
"""

from collections.abc import Mapping
from types import MappingProxyType

from canon.checks.model import ValidationFigures

__all__ = ["VALIDATION"]

'''


def _figures_entry(check_id: str, figures: ValidationFigures) -> str:
    fields = [
        f"precision={figures.precision!r}",
        f"recall={figures.recall!r}",
        f"files={figures.files}",
        f"violations={figures.violations}",
    ]
    body = "".join(f"            {field},\n" for field in fields)
    return f"        {_text(check_id)}: ValidationFigures(\n{body}        ),\n"


def render_figures(measures: Mapping[str, ValidationFigures | None] | None = None) -> str:
    """The text of the validation figures module.

    Args:
        measures: The published figures of each check; measured on the corpus when None.

    Returns:
        Python source, formatted as ruff formats it.
    """
    if measures is None:
        measures = {check: found.published() for check, found in measure().items()}
    entries = "".join(
        _figures_entry(check, figures)
        for check, figures in sorted(measures.items())
        if figures is not None
    )
    return (
        _FIGURES_HEADER
        + "VALIDATION: Mapping[str, ValidationFigures] = MappingProxyType(\n    {\n"
        + entries
        + "    }\n)\n"
    )


def main() -> None:
    """Write the catalog, then the validation figures, measured with the catalog written."""
    catalog = render_catalog()
    changed = not CATALOG_PATH.is_file() or CATALOG_PATH.read_text(encoding="utf-8") != catalog
    write_file(CATALOG_PATH, catalog.encode())
    if changed:
        # this process holds the old catalog: measure in a fresh one, which finds it current
        run([executable, "-m", "canon.checks.generate"], check=True)
        return
    write_file(FIGURES_PATH, render_figures().encode())


if __name__ == "__main__":
    main()
