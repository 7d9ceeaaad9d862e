"""Summarise an eval set's logs: per configuration and per rule, as JSON, Markdown and a table.

The numbers are recomputed from every scored sample (each epoch counts), with the same
ratio-of-sums definitions as the scorer's metrics, and a Wilson 95% interval per rule.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import sqrt

from orjson import OPT_INDENT_2, dumps

__all__ = [
    "ConfigurationSummary",
    "RuleSummary",
    "markdown_summary",
    "summarise_samples",
    "summary_json",
    "text_table",
    "wilson",
]

_Z95 = 1.959963984540054


def wilson(successes: int, trials: int) -> tuple[float, float] | None:
    """The Wilson score interval at 95% for a proportion.

    Args:
        successes: Compliant samples.
        trials: Samples with an opportunity.

    Returns:
        (low, high), or None without trials.
    """
    if trials <= 0:
        return None
    p = successes / trials
    z2 = _Z95 * _Z95
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = (_Z95 / (1 + z2 / trials)) * sqrt(p * (1 - p) / trials + z2 / (4 * trials**2))
    return (round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4))


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSummary:
    """One rule's compliance over a configuration's samples."""

    opportunities: int
    compliant: int

    def as_json(self) -> dict[str, object]:
        """The rule's entry of `summary.json`.

        Returns:
            opportunities, compliant, rate (None without opportunity) and ci95.
        """
        interval = wilson(self.compliant, self.opportunities)
        rate = self.compliant / self.opportunities if self.opportunities else None
        return {
            "opportunities": self.opportunities,
            "compliant": self.compliant,
            "rate": None if rate is None else round(rate, 4),
            "ci95": None if interval is None else list(interval),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfigurationSummary:
    """What one configuration achieved."""

    name: str
    model: str
    instructions: str
    calibration: bool
    epochs: int
    samples: int
    scored: int
    status: str
    log: str
    totals: Mapping[str, float]
    rules: Mapping[str, RuleSummary]
    usage: Mapping[str, int] = field(default_factory=dict)

    def rate(self, numerator: str, denominator: str | None = None) -> float | None:
        """A ratio of two totals (or a mean over scored samples).

        Args:
            numerator: The key summed.
            denominator: The key summed below; None to divide by the scored samples.

        Returns:
            The rate, or None when the denominator is zero.
        """
        bottom = self.totals.get(denominator, 0.0) if denominator else float(self.scored)
        if not bottom:
            return None
        return round(self.totals.get(numerator, 0.0) / bottom, 4)

    def as_json(self) -> dict[str, object]:
        """The configuration's entry of `summary.json`.

        Returns:
            The entry.
        """
        return {
            "name": self.name,
            "model": self.model,
            "instructions": self.instructions,
            "calibration": self.calibration,
            "epochs": self.epochs,
            "samples": self.samples,
            "scored": self.scored,
            "status": self.status,
            "log": self.log,
            "instruction_level": self.rate("instruction_followed", "instruction_applicable"),
            "prompt_level_strict": self.rate("prompt_strict"),
            "instruction_level_loose": self.rate(
                "instruction_followed_loose", "instruction_applicable_loose"
            ),
            "prompt_level_loose": self.rate("prompt_loose"),
            "parse_rate": self.rate("parsed"),
            "functional_pass_rate": self.rate("functional", "functional@applicable"),
            "incidental_per_sample": self.rate("incidental"),
            "input_tokens": self.usage.get("input_tokens", 0),
            "output_tokens": self.usage.get("output_tokens", 0),
            "instructions_tokens": self.usage.get("instructions_tokens", 0),
            "rules": {rule: entry.as_json() for rule, entry in sorted(self.rules.items())},
        }


def summarise_samples(
    values: Iterable[Mapping[str, object]], rules: Sequence[str]
) -> tuple[int, dict[str, float], dict[str, RuleSummary]]:
    """Add up score values of scored samples.

    Args:
        values: Each scored sample's `Score.value`.
        rules: The rule ids to tally.

    Returns:
        The number of scored samples, the totals of every numeric key, and per-rule tallies.
    """
    totals: dict[str, float] = {}
    scored = 0
    for value in values:
        scored += 1
        for key, entry in value.items():
            if isinstance(entry, int | float):
                totals[key] = totals.get(key, 0.0) + float(entry)
    per_rule = {
        rule: RuleSummary(
            opportunities=round(totals.get(f"{rule}@applicable", 0.0)),
            compliant=round(totals.get(rule, 0.0)),
        )
        for rule in rules
    }
    return scored, totals, per_rule


def summary_json(summaries: Sequence[ConfigurationSummary], *, log_dir: str) -> str:
    """Render `summary.json`.

    Args:
        summaries: Every configuration's summary.
        log_dir: The eval set's log folder.

    Returns:
        Indented JSON ending with a newline.
    """
    document = {
        "log_dir": log_dir,
        "configurations": [summary.as_json() for summary in summaries],
    }
    return dumps(document, option=OPT_INDENT_2).decode() + "\n"


_COLUMNS = (
    ("configuration", "name"),
    ("model", "model"),
    ("instructions", "instructions"),
    ("scored", "scored"),
    ("instruction-level", "instruction_level"),
    ("prompt-level strict", "prompt_level_strict"),
    ("parse rate", "parse_rate"),
    ("functional", "functional_pass_rate"),
)


def _cells(summary: ConfigurationSummary) -> list[str]:
    data = summary.as_json()
    cells: list[str] = []
    for _, key in _COLUMNS:
        value = data[key]
        if key == "scored":
            cells.append(f"{summary.scored}/{summary.samples}")
        elif key == "name" and summary.calibration:
            cells.append(f"{summary.name} (calibration)")
        elif isinstance(value, float):
            cells.append(f"{value:.3f}")
        else:
            cells.append("-" if value is None else str(value))
    return cells


def text_table(summaries: Sequence[ConfigurationSummary]) -> str:
    """A plain-text table of the configurations, for the terminal.

    Args:
        summaries: Every configuration's summary.

    Returns:
        The table, one line per configuration, ending with a newline.
    """
    rows = [[title for title, _ in _COLUMNS], *(_cells(summary) for summary in summaries)]
    widths = [max(len(row[index]) for row in rows) for index in range(len(_COLUMNS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def markdown_summary(summaries: Sequence[ConfigurationSummary], *, log_dir: str) -> str:
    """A Markdown summary: the configurations, then the least-followed rules of each.

    Args:
        summaries: Every configuration's summary.
        log_dir: The eval set's log folder.

    Returns:
        The Markdown document.
    """
    header = [title for title, _ in _COLUMNS]
    lines = [
        "# canon eval summary",
        "",
        f"Logs: `{log_dir}`. Calibration configurations answer with the task bank's own "
        "solutions; they are not models.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines.extend("| " + " | ".join(_cells(summary)) + " |" for summary in summaries)
    for summary in summaries:
        lines.extend(_rule_lines(summary))
    return "\n".join(lines) + "\n"


def _rule_lines(summary: ConfigurationSummary) -> list[str]:
    rated = [(rule, entry) for rule, entry in summary.rules.items() if entry.opportunities > 0]
    rated.sort(key=lambda item: (item[1].compliant / item[1].opportunities, item[0]))
    lines = ["", f"## {summary.name}: rules, least followed first", ""]
    lines.append("| rule | opportunities | compliant | rate | 95% interval |")
    lines.append("|---|---|---|---|---|")
    for rule, entry in rated:
        data = entry.as_json()
        low, high = data["ci95"]  # type: ignore[misc]
        lines.append(
            f"| `{rule}` | {entry.opportunities} | {entry.compliant} | {data['rate']:.3f} "
            f"| {low:.3f}-{high:.3f} |"
        )
    return lines
