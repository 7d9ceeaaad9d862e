"""`summary.json`: the report as one JSON document (`canon eval`'s fields, and more)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from orjson import OPT_INDENT_2, dumps

from canon.evals.contract import INSTRUCTION_LEVEL, MEASURES, PROMPT_LEVEL_STRICT

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.reports.analysis import Comparison, ConfigurationStats, Lift, Rate
    from canon.reports.report import Gate, HistoryPoint, Report
    from canon.reports.stats import PairedDifference

__all__ = ["SCHEMA_VERSION", "configuration_json", "report_json", "summary_text"]

SCHEMA_VERSION = 1
_DIGITS = 4


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, _DIGITS)


def _interval(interval: tuple[float, float] | None) -> list[float] | None:
    return None if interval is None else [round(interval[0], _DIGITS), round(interval[1], _DIGITS)]


def _rate(rate: Rate) -> float | None:
    return _round(rate.value)


def _rule(stats: ConfigurationStats, rule: str) -> dict[str, object]:
    rate = stats.rules[rule]
    avoided = stats.avoided.get(rule, 0)
    required = round(rate.trials) + avoided
    return {
        "opportunities": round(rate.trials),
        "compliant": round(rate.successes),
        "rate": _rate(rate),
        "ci95": _interval(rate.ci95),
        "avoided": avoided,
        "avoided_rate": _round(avoided / required) if required else None,
        "restated_by": list(stats.log.restated.get(rule, ())),
    }


def configuration_json(stats: ConfigurationStats) -> dict[str, object]:
    """One configuration's entry.

    Args:
        stats: The configuration's statistics.

    Returns:
        The entry: `canon eval`'s original fields first, then intervals, tokens and time.
    """
    log = stats.log
    return {
        "name": log.name,
        "model": log.model,
        "instructions": log.instructions,
        "calibration": log.calibration,
        "calibration_verdicts": _calibration_verdicts(stats),
        "epochs": log.epochs,
        "samples": log.expected,
        "scored": stats.scored,
        "status": log.status,
        "log": log.location,
        **_rates(stats),
        **_costs(stats),
        "rules": {rule: _rule(stats, rule) for rule in sorted(stats.rules)},
    }


def _calibration_verdicts(stats: ConfigurationStats) -> dict[str, object] | None:
    if not stats.labelled:
        return None
    off = stats.off_labels
    return {"as_labelled": not off, "labelled": stats.labelled, "off_labels": list(off)}


def _rates(stats: ConfigurationStats) -> dict[str, object]:
    return {
        **{measure.summary: _rate(stats.rate(measure)) for measure in MEASURES},
        "instruction_level_ci95": _interval(stats.rate(INSTRUCTION_LEVEL).ci95),
        "prompt_level_strict_ci95": _interval(stats.rate(PROMPT_LEVEL_STRICT).ci95),
    }


def _costs(stats: ConfigurationStats) -> dict[str, object]:
    return {
        "complete": stats.complete,
        "errors": stats.log.errors,
        "input_tokens": round(stats.total("input_tokens")),
        "output_tokens": round(stats.total("output_tokens")),
        "instructions_tokens": round(stats.mean("instruction_tokens")),
        "wall_seconds": round(stats.log.wall_seconds, 3),
        "seconds": round(stats.total("seconds"), 3),
        "seconds_per_sample": round(stats.mean("seconds"), 3),
    }


def _difference(difference: PairedDifference) -> dict[str, object]:
    return {
        "units": difference.units,
        "a": _round(difference.rate_a),
        "b": _round(difference.rate_b),
        "delta": _round(difference.delta),
        "ci95": _interval(difference.ci95),
        "a_only": difference.a_only,
        "b_only": difference.b_only,
        "p_value": float(f"{difference.p_value:.4g}"),
        "verdict": difference.verdict,
    }


def _comparison(comparison: Comparison) -> dict[str, object]:
    rules = sorted(comparison.rules.items(), key=lambda item: (item[1].delta or 0.0, item[0]))
    return {
        "a": comparison.a,
        "b": comparison.b,
        "instruction_level": _difference(comparison.instruction_level),
        "prompt_level_strict": _difference(comparison.prompt_level),
        "rules": {rule: _difference(difference) for rule, difference in rules},
    }


def _lift(lift: Lift) -> dict[str, object]:
    return {
        "model": lift.model,
        "adds": lift.what,
        "token_cost": round(lift.token_cost),
        "per_1000_tokens": _round(lift.per_thousand_tokens),
        **_comparison(lift.comparison),
    }


def _point(point: HistoryPoint) -> dict[str, object]:
    return {
        "run": point.run,
        "created": point.created,
        "instruction_level": _rate(point.instruction_level),
        "prompt_level_strict": _rate(point.prompt_level),
    }


def _gate(gate: Gate) -> dict[str, object]:
    return {
        "passed": gate.passed,
        "baseline": list(gate.baseline),
        "compared": list(gate.compared),
        "missing": list(gate.missing),
        "regressions": [
            {
                "configuration": item.configuration,
                "measure": item.measure,
                "baseline": _rate(item.baseline),
                "baseline_ci95": _interval(item.baseline.ci95),
                "current": _rate(item.current),
            }
            for item in gate.regressions
        ],
    }


def report_json(report: Report, order: Sequence[str] = ()) -> dict[str, object]:
    """The whole report as plain data.

    Args:
        report: The report.
        order: Configuration names listed first, in this order; the rest by name.

    Returns:
        The document `summary.json` holds.
    """
    runs = sorted({log.run for log in (stats.log for stats in report.configurations)})
    return {
        "schema": SCHEMA_VERSION,
        "log_dir": runs[0] if len(runs) == 1 else None,
        "sources": list(report.sources),
        "configurations": [configuration_json(item) for item in _in_order(report, order)],
        "comparisons": [_comparison(item) for item in report.comparisons],
        "lift": [_lift(item) for item in report.lifts],
        "history": {
            name: [_point(point) for point in points] for name, points in report.history.items()
        },
        "gate": None if report.gate is None else _gate(report.gate),
    }


def summary_text(report: Report, order: Sequence[str] = ()) -> str:
    """`summary.json`'s text: indented, key order kept, ending with a newline.

    Args:
        report: The report.
        order: Configuration names listed first, in this order; the rest by name.

    Returns:
        The JSON text.
    """
    return dumps(report_json(report, order), option=OPT_INDENT_2).decode() + "\n"


def _in_order(report: Report, order: Sequence[str]) -> list[ConfigurationStats]:
    rank = {name: index for index, name in enumerate(order)}
    return sorted(
        report.configurations,
        key=lambda item: (rank.get(item.log.name, len(rank)), item.log.name),
    )
