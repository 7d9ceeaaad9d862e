"""The Markdown report: short enough for a pull-request comment, what needs attention first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from canon.evals.contract import (
    FUNCTIONAL_PASS_RATE,
    INSTRUCTION_LEVEL,
    PARSE_RATE,
    PROMPT_LEVEL_STRICT,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.reports.analysis import Comparison, ConfigurationStats, Lift, Rate
    from canon.reports.report import Report
    from canon.reports.stats import PairedDifference

__all__ = ["MAX_ROWS", "markdown_report", "percent", "rules_by_attention", "signed"]

MAX_ROWS = 15


def percent(value: float | None) -> str:
    """A rate as a percentage with one decimal.

    Args:
        value: The rate in [0, 1], or None.

    Returns:
        `87.5%`, or `-` for None.
    """
    return "-" if value is None else f"{value * 100:.1f}%"


def signed(value: float | None) -> str:
    """A difference of rates in percentage points, signed.

    Args:
        value: The difference, or None.

    Returns:
        `+12.5 pp`, or `-` for None.
    """
    return "-" if value is None else f"{value * 100:+.1f} pp"


def _interval(interval: tuple[float, float] | None) -> str:
    if interval is None:
        return "-"
    return f"{interval[0] * 100:.1f}-{interval[1] * 100:.1f}%"


def _delta_interval(interval: tuple[float, float] | None) -> str:
    if interval is None:
        return "-"
    return f"[{interval[0] * 100:+.1f}, {interval[1] * 100:+.1f}]"


def _rate_cell(rate: Rate) -> str:
    return f"{percent(rate.value)} ({_interval(rate.ci95)})"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _configuration_row(stats: ConfigurationStats, report: Report) -> list[str]:
    log = stats.log
    name = log.name + stats.calibration_mark
    status = "REGRESSED" if report.regressed(log.name) else "ok" if stats.complete else "INCOMPLETE"
    return [
        name,
        f"`{log.model}`",
        f"`{log.instructions}`",
        status,
        f"{stats.scored}/{log.expected}",
        _rate_cell(stats.rate(INSTRUCTION_LEVEL)),
        _rate_cell(stats.rate(PROMPT_LEVEL_STRICT)),
        percent(stats.rate(PARSE_RATE).value),
        percent(stats.rate(FUNCTIONAL_PASS_RATE).value),
        f"{stats.total('input_tokens'):,.0f} / {stats.total('output_tokens'):,.0f}",
        f"{stats.mean('instruction_tokens'):,.0f}",
        f"{stats.log.wall_seconds:.1f}",
    ]


_CONFIGURATION_HEADER = (
    "configuration",
    "model",
    "instructions",
    "status",
    "scored",
    "instruction-level (95% CI)",
    "prompt-level strict (95% CI)",
    "parse",
    "functional",
    "tokens in / out",
    "instr. tokens",
    "wall time (s)",
)


def rules_by_attention(report: Report) -> list[str]:
    """Rules with an opportunity somewhere, least followed (in any configuration) first.

    Args:
        report: The report.

    Returns:
        The rule ids.
    """
    rates: dict[str, list[float]] = {}
    for stats in report.configurations:
        for rule, rate in stats.rules.items():
            if rate.value is not None:
                rates.setdefault(rule, []).append(rate.value)
    return sorted(
        rates, key=lambda rule: (min(rates[rule]), sum(rates[rule]) / len(rates[rule]), rule)
    )


def _rule_lines(report: Report) -> list[str]:
    rules = rules_by_attention(report)
    names = [stats.log.name for stats in report.configurations]
    rows = []
    for rule in rules[:MAX_ROWS]:
        cells = []
        for stats in report.configurations:
            rate = stats.rules.get(rule)
            avoided = stats.avoided.get(rule, 0)
            shown = "-" if rate is None or rate.value is None else percent(rate.value)
            counts = f"{round(rate.trials) if rate else 0}" + (
                f", {avoided} avoided" if avoided else ""
            )
            cells.append(shown if shown == "-" and not avoided else f"{shown} ({counts})")
        rows.append([f"`{rule}`", *cells])
    lines = [
        "",
        "## Rules, least followed first",
        "",
        "Compliance (opportunities, and avoided: samples of tasks requiring the concern whose "
        "code gave it no opportunity) per configuration. Rules that restate another share its "
        "row.",
        "",
    ]
    lines.extend(_table(["rule", *names], rows))
    if len(rules) > MAX_ROWS:
        lines.extend(
            ["", f"{len(rules) - MAX_ROWS} more rule(s) in the HTML report and summary.json."]
        )
    return lines


def _difference_cells(difference: PairedDifference) -> list[str]:
    return [
        signed(difference.delta),
        _delta_interval(difference.ci95),
        f"{difference.p_value:.3g}",
        difference.verdict,
    ]


_COMPARISON_HEADER = ("a → b", "pairs", "instruction-level Δ", "95% CI", "p", "verdict")
_CHANGED_HEADER = ("a → b", "rule", "Δ", "95% CI", "p", "verdict")
_LIFT_HEADER = (
    "model", "without → with", "adds", "instruction-level Δ", "95% CI", "tokens added",
    "per 1k tokens",
)  # fmt: skip


def _comparison_lines(comparisons: Sequence[Comparison]) -> list[str]:
    if not comparisons:
        return []
    rows = [
        [
            f"{item.a} → {item.b}",
            str(item.instruction_level.units),
            *_difference_cells(item.instruction_level),
        ]
        for item in comparisons[:MAX_ROWS]
    ]
    lines = ["", "## Paired comparisons, largest differences first", ""]
    lines.append(
        "Same task and epoch on both sides; 95% bootstrap interval; exact McNemar p-value."
    )
    lines.append("")
    lines.extend(_table(_COMPARISON_HEADER, rows))
    lines.extend(_changed_rule_lines(comparisons))
    return lines


def _changed_rule_lines(comparisons: Sequence[Comparison]) -> list[str]:
    changed = [
        (item, rule, difference)
        for item in comparisons
        for rule, difference in item.rules.items()
        if difference.verdict != "same"
    ]
    if not changed:
        return []
    changed.sort(key=lambda entry: (entry[2].delta or 0.0, entry[1]))
    rows = [
        [f"{item.a} → {item.b}", f"`{rule}`", *_difference_cells(difference)]
        for item, rule, difference in changed[:MAX_ROWS]
    ]
    return ["", "Rules that changed significantly:", "", *_table(_CHANGED_HEADER, rows)]


def _lift_row(lift: Lift) -> list[str]:
    per = lift.per_thousand_tokens
    return [
        f"`{lift.model}`",
        f"{lift.comparison.a} → {lift.comparison.b}",
        lift.what,
        *_difference_cells(lift.comparison.instruction_level)[:2],
        f"{lift.token_cost:,.0f}",
        "-" if per is None else f"{per * 100:+.2f} pp",
    ]


def _lift_lines(report: Report) -> list[str]:
    if not report.lifts:
        return []
    note = "What the instructions (or a section of them) buy, same model."
    rows = [_lift_row(lift) for lift in report.lifts]
    return ["", "## Instruction lift", "", note, "", *_table(_LIFT_HEADER, rows)]


def _gate_lines(report: Report) -> list[str]:
    gate = report.gate
    if gate is None:
        return []
    lines = [
        "",
        f"## Regression gate: {gate.verdict}",
        "",
        f"Baseline: {', '.join(f'`{path}`' for path in gate.baseline)}.",
    ]
    if gate.missing:
        lines.append(f"Not in the current logs: {', '.join(gate.missing)}.")
    if gate.regressions:
        rows = [
            [
                item.configuration,
                item.measure,
                _rate_cell(item.baseline),
                percent(item.current.value),
                signed(-item.drop),
            ]
            for item in gate.regressions[:MAX_ROWS]
        ]
        lines.append("")
        lines.extend(_table(["configuration", "measure", "baseline (95% CI)", "now", "Δ"], rows))
    return lines


def _history_lines(report: Report) -> list[str]:
    started: dict[str, str] = {}
    for point in (point for points in report.history.values() for point in points):
        started[point.run] = min(point.created, started.get(point.run, point.created))
    runs = sorted(started, key=lambda run: (started[run], run))  # oldest run first
    if len(runs) < 2:
        return []
    rows = []
    for name, points in report.history.items():
        by_run = {point.run: point for point in points}
        rows.append(
            [
                name,
                *(
                    percent(by_run[run].instruction_level.value) if run in by_run else "-"
                    for run in runs
                ),
            ]
        )
    lines = ["", "## History (instruction-level)", ""]
    lines.extend(_table(["configuration", *runs], rows))
    return lines


def markdown_report(report: Report) -> str:
    """Render the report as Markdown.

    Args:
        report: The report.

    Returns:
        The Markdown document, ending with a newline.
    """
    lines = ["# canon report", ""]
    lines.append(
        "Instruction-level: exercised rules followed; prompt-level strict: samples following every "
        "exercised rule (IFEval). Calibration configurations answer with the task bank's own "
        "solutions; they are not models. A calibration whose verdicts differ from the bank's "
        "labels (reference: every exercised rule followed; legacy: broken; typical: as labelled) "
        "is marked with the number of tasks off their labels."
    )
    lines.extend(_gate_lines(report))
    lines.extend(["", "## Configurations", ""])
    lines.extend(
        _table(
            _CONFIGURATION_HEADER,
            [_configuration_row(item, report) for item in report.configurations],
        )
    )
    lines.extend(_comparison_lines(report.comparisons))
    lines.extend(_lift_lines(report))
    lines.extend(_rule_lines(report))
    lines.extend(_history_lines(report))
    return "\n".join(lines) + "\n"
