"""The terminal table `canon eval` prints: one line per configuration, `summary.json`'s figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from canon.evals.contract import (
    FUNCTIONAL_PASS_RATE,
    INSTRUCTION_LEVEL,
    PARSE_RATE,
    PROMPT_LEVEL_STRICT,
)
from canon.reports.document import configuration_json

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.reports.analysis import ConfigurationStats

__all__ = ["text_table"]

_HEADER = ("configuration", "model", "instructions", "scored")
_MEASURED = (
    ("instruction-level", INSTRUCTION_LEVEL),
    ("prompt-level strict", PROMPT_LEVEL_STRICT),
    ("parse rate", PARSE_RATE),
    ("functional", FUNCTIONAL_PASS_RATE),
)


def _cells(stats: ConfigurationStats) -> list[str]:
    log = stats.log
    entry = configuration_json(stats)
    name = log.name + stats.calibration_mark
    cells = [name, log.model, log.instructions, f"{stats.scored}/{log.expected}"]
    for _, measure in _MEASURED:
        value = entry[measure.summary]
        cells.append("-" if value is None else f"{value:.3f}")
    return cells


def text_table(configurations: Sequence[ConfigurationStats]) -> str:
    """A plain-text table of the configurations, for the terminal.

    The figures are `summary.json`'s (rounded to four digits), shown with three.

    Args:
        configurations: The configurations' statistics, in the order to list them.

    Returns:
        The table, one line per configuration, ending with a newline.
    """
    header = [*_HEADER, *(title for title, _ in _MEASURED)]
    rows = [header, *(_cells(stats) for stats in configurations)]
    widths = [max(len(row[index]) for row in rows) for index in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"
