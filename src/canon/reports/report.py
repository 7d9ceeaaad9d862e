"""Build a report from log paths: current configurations, comparisons, lifts, history, gate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from canon.evals.contract import INSTRUCTION_LEVEL, PROMPT_LEVEL_STRICT
from canon.reports.analysis import (
    Rate,
    compare,
    configuration_stats,
    find_lifts,
    latest_by_name,
    pairs_to_compare,
)
from canon.reports.logs import read_logs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.reports.analysis import (
        Comparison,
        ConfigurationStats,
        Lift,
    )
    from canon.reports.logs import ConfigurationLog

__all__ = [
    "HistoryPoint",
    "Regression",
    "Report",
    "build_report",
    "gate",
    "history",
]

GATED_MEASURES = (
    ("instruction-level", INSTRUCTION_LEVEL),
    ("prompt-level strict", PROMPT_LEVEL_STRICT),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryPoint:
    """One configuration in one run.

    Attributes:
        run: The run's folder name.
        created: When the run started.
        instruction_level: Instruction-level accuracy.
        prompt_level: Prompt-level strict accuracy.
    """

    run: str
    created: str
    instruction_level: Rate
    prompt_level: Rate


@dataclass(frozen=True, slots=True, kw_only=True)
class Regression:
    """A drop below the baseline's interval.

    Attributes:
        configuration: The configuration.
        measure: `instruction-level`, `prompt-level strict` or `rule <id>`.
        baseline: The baseline's rate.
        current: The current rate.
    """

    configuration: str
    measure: str
    baseline: Rate
    current: Rate

    @property
    def drop(self) -> float:
        """How far the rate fell.

        Returns:
            baseline - current.
        """
        return (self.baseline.value or 0.0) - (self.current.value or 0.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Gate:
    """The regression gate against a baseline.

    Attributes:
        baseline: The baseline's log paths.
        regressions: What dropped beyond the baseline's interval, largest drop first.
        missing: Baseline configurations absent from the current logs.
        compared: Configurations present on both sides.
    """

    baseline: tuple[str, ...]
    regressions: tuple[Regression, ...]
    missing: tuple[str, ...]
    compared: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """Whether the gate compared something and nothing regressed.

        Returns:
            True when at least one configuration was compared and none regressed; a gate that
            compared nothing fails (it would otherwise pass whatever happened).
        """
        return bool(self.compared) and not self.regressions

    @property
    def verdict(self) -> str:
        """The gate's outcome in a few words.

        Returns:
            `passed`, or `FAILED: ` and why.
        """
        if not self.compared:
            return "FAILED: the baseline shares no configuration with these logs"
        if self.regressions:
            return f"FAILED: {len(self.regressions)} regression(s)"
        return "passed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Everything a report shows.

    Attributes:
        sources: The log paths read.
        configurations: Each configuration's latest statistics, what needs attention first.
        comparisons: Paired comparisons: largest differences first in a report (pairs of one
            run have no direction), largest drops first in a comparison of two sides.
        lifts: What instructions buy, per model.
        history: Per configuration, its rates run by run (oldest first).
        gate: The regression gate, when a baseline was given.
    """

    sources: tuple[str, ...]
    configurations: tuple[ConfigurationStats, ...]
    comparisons: tuple[Comparison, ...]
    lifts: tuple[Lift, ...]
    history: dict[str, tuple[HistoryPoint, ...]]
    gate: Gate | None

    def regressed(self, name: str) -> bool:
        """Whether the gate found a regression in a configuration.

        Args:
            name: The configuration.

        Returns:
            True when it regressed.
        """
        return self.gate is not None and any(
            item.configuration == name for item in self.gate.regressions
        )


def build_report(paths: Sequence[Path], baseline: Sequence[Path] = ()) -> Report:
    """Read logs and compute every part of the report.

    Args:
        paths: Log files or folders (dated run folders make the history).
        baseline: Log files or folders to gate against; empty for no gate.

    Returns:
        The report.

    Raises:
        InputError: A path is missing or not an inspect log (raised by the reader).
    """
    logs = read_logs(paths)
    current = tuple(configuration_stats(log) for log in latest_by_name(logs))
    comparisons = tuple(compare(a, b) for a, b in pairs_to_compare([item.log for item in current]))
    checked = gate(current, read_logs(baseline), baseline) if baseline else None
    report = Report(
        sources=tuple(str(path) for path in paths),
        configurations=current,
        comparisons=tuple(sorted(comparisons, key=_difference_key)),
        lifts=tuple(find_lifts(current)),
        history=history(logs),
        gate=checked,
    )
    return _ordered(report)


def _difference_key(comparison: Comparison) -> tuple[float, str, str]:
    delta = comparison.instruction_level.delta
    return (-abs(delta) if delta is not None else 0.0, comparison.a, comparison.b)


def _comparison_key(comparison: Comparison) -> tuple[float, str, str]:
    delta = comparison.instruction_level.delta
    return (delta if delta is not None else 0.0, comparison.a, comparison.b)


def _ordered(report: Report) -> Report:
    def key(stats: ConfigurationStats) -> tuple[bool, bool, float, str]:
        level = stats.rate(INSTRUCTION_LEVEL).value
        return (not report.regressed(stats.log.name), stats.complete, level or 0.0, stats.log.name)

    ordered = tuple(sorted(report.configurations, key=key))
    return Report(
        sources=report.sources,
        configurations=ordered,
        comparisons=report.comparisons,
        lifts=report.lifts,
        history=report.history,
        gate=report.gate,
    )


def history(logs: Sequence[ConfigurationLog]) -> dict[str, tuple[HistoryPoint, ...]]:
    """Each configuration's rates, run by run.

    Args:
        logs: Every log read, oldest run first.

    Returns:
        Per configuration name, one point per run (the run's last log of it).
    """
    points: dict[str, dict[str, HistoryPoint]] = {}
    for log in logs:
        stats = configuration_stats(log)
        point = HistoryPoint(
            run=Path(log.run).name,
            created=log.created,
            instruction_level=stats.rate(INSTRUCTION_LEVEL),
            prompt_level=stats.rate(PROMPT_LEVEL_STRICT),
        )
        points.setdefault(log.name, {})[log.run] = point
    return {name: tuple(runs.values()) for name, runs in sorted(points.items())}


def gate(
    current: Sequence[ConfigurationStats],
    baseline_logs: Sequence[ConfigurationLog],
    baseline: Sequence[Path],
) -> Gate:
    """Find what fell below the baseline's 95% interval.

    A configuration regresses when its instruction-level or prompt-level accuracy, or any
    rule's compliance, is below the lower end of the baseline's Wilson interval for it, or
    when it scored samples in the baseline and none now.

    Args:
        current: The current configurations.
        baseline_logs: The baseline's logs.
        baseline: The baseline's paths (for the record).

    Returns:
        The gate's verdict.
    """
    before = {item.log.name: item for item in _stats(latest_by_name(baseline_logs))}
    now = {item.log.name: item for item in current}
    shared = sorted(before.keys() & now.keys())
    found = [item for name in shared for item in _regressions(name, before[name], now[name])]
    found.sort(key=lambda item: (-item.drop, item.configuration, item.measure))
    return Gate(
        baseline=tuple(str(path) for path in baseline),
        regressions=tuple(found),
        missing=tuple(sorted(before.keys() - now.keys())),
        compared=tuple(sorted(before.keys() & now.keys())),
    )


def _regressions(
    name: str, before: ConfigurationStats, now: ConfigurationStats
) -> list[Regression]:
    if before.scored and not now.scored:
        lost = Rate(successes=before.scored, trials=before.log.expected or before.scored)
        nothing = Rate(successes=0.0, trials=float(now.log.expected))
        return [
            Regression(configuration=name, measure="scored samples", baseline=lost, current=nothing)
        ]
    measured = [
        (label, before.rate(measure), now.rate(measure)) for label, measure in GATED_MEASURES
    ]
    measured.extend(
        (f"rule {rule}", rate, now.rules[rule])
        for rule, rate in before.rules.items()
        if rule in now.rules
    )
    found: list[Regression] = []
    for measure, old, new in measured:
        interval, value = old.ci95, new.value
        if interval is not None and value is not None and value < interval[0]:
            found.append(Regression(configuration=name, measure=measure, baseline=old, current=new))
    return found


def build_comparison(a: Path, b: Path) -> Report:
    """A report comparing the logs under `a` with the logs under `b`.

    Configurations with the same name on both sides (one configuration, two runs) are
    paired with each other and told apart by their run; otherwise every configuration of
    `a` is paired with every configuration of `b`.

    Args:
        a: The reference side (a log file or a folder).
        b: The side judged.

    Returns:
        The report, comparisons oriented from `a` to `b`.

    Raises:
        InputError: A path is missing or not an inspect log (raised by the reader).
    """
    left, right, shared = _sides(a, b)
    stats = _stats((*left, *right))
    comparisons = [compare(x, y) for x, y in _pairs(left, right, by_name=shared)]
    report = Report(
        sources=(str(a), str(b)),
        configurations=stats,
        comparisons=tuple(sorted(comparisons, key=_comparison_key)),
        lifts=tuple(find_lifts(stats)),
        history=history((*left, *right)),
        gate=None,
    )
    return _ordered(report)


def _stats(logs: Sequence[ConfigurationLog]) -> tuple[ConfigurationStats, ...]:
    return tuple(configuration_stats(log) for log in logs)


def _sides(
    a: Path, b: Path
) -> tuple[tuple[ConfigurationLog, ...], tuple[ConfigurationLog, ...], bool]:
    left, right = latest_by_name(read_logs([a])), latest_by_name(read_logs([b]))
    shared = bool({log.name for log in left} & {log.name for log in right})
    if shared:
        left = tuple(_renamed(log, "a", right) for log in left)
        right = tuple(_renamed(log, "b", left) for log in right)
    return left, right, shared


def _pairs(
    left: Sequence[ConfigurationLog], right: Sequence[ConfigurationLog], *, by_name: bool
) -> list[tuple[ConfigurationLog, ConfigurationLog]]:
    return [
        (x, y)
        for x in left
        for y in right
        if (not by_name or _base_name(x) == _base_name(y)) and x.units.keys() & y.units.keys()
    ]


def _base_name(log: ConfigurationLog) -> str:
    return log.name.rsplit(" (", 1)[0]


def _renamed(
    log: ConfigurationLog, side: str, others: Sequence[ConfigurationLog]
) -> ConfigurationLog:
    from dataclasses import replace

    if " (" in log.name or all(_base_name(other) != log.name for other in others):
        return log
    return replace(log, name=f"{log.name} ({side}: {Path(log.run).name})")
