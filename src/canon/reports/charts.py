"""SVG charts for the HTML report, drawn in Python: no script, no network, no library.

- `compliance_chart`: per rule, one dot per configuration with its Wilson 95% interval.
- `delta_chart`: a forest plot of a paired comparison (b - a) with bootstrap intervals.
- `trend_chart`: instruction-level accuracy per configuration, run by run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from canon.reports.markdown import percent, signed

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from canon.reports.analysis import Comparison, Rate
    from canon.reports.report import HistoryPoint, Report
    from canon.reports.stats import PairedDifference

__all__ = ["PALETTE", "colour", "compliance_chart", "delta_chart", "trend_chart"]

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
VERDICT_COLOURS = {"better": "#067647", "worse": "#b42318"}
_NEUTRAL = "#5b6475"
_GRID = "#e3e6eb"
_LEFT = 300
_WIDTH = 820
_ROW = 20

type Attributes = Mapping[str, float | str]


def colour(index: int) -> str:
    """The colour of the index-th configuration.

    Args:
        index: The configuration's position.

    Returns:
        A CSS colour.
    """
    return PALETTE[index % len(PALETTE)]


def _el(name: str, attributes: Attributes, content: str = "") -> str:
    parts = [name]
    for key, value in attributes.items():
        shown = f"{value:.1f}" if isinstance(value, float) else escape(str(value))
        parts.append(f'{key}="{shown}"')
    opening = " ".join(parts)
    return f"<{opening}>{content}</{name}>" if content else f"<{opening}/>"


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def _label(text: str, x: float, y: float, *, bold: bool = False) -> str:
    attributes = {"x": x, "y": y, "text-anchor": "end", "font-weight": "700" if bold else "400"}
    return _el("text", attributes, escape(text))


def _x(value: float) -> float:
    return _LEFT + value * (_WIDTH - _LEFT - 20)


def _axis(height: float, *, signed_axis: bool = False) -> list[str]:
    parts = []
    for step in range(5):
        x = _x(step / 4)
        value = (step / 2 - 1) if signed_axis else step / 4
        text = f"{value * 100:+.0f}%" if signed_axis else f"{value * 100:.0f}%"
        parts.append(_el("line", {"x1": x, "y1": 18, "x2": x, "y2": height - 18, "stroke": _GRID}))
        parts.append(_el("text", {"x": x, "y": 12, "text-anchor": "middle"}, text))
    return parts


def _svg(height: float, parts: Sequence[str], label: str, chart: str) -> str:
    return (
        f'<svg class="chart" data-chart="{chart}" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {_WIDTH} {height:.0f}" width="100%" style="max-width:{_WIDTH}px">'
        f"{''.join(parts)}</svg>"
    )


def compliance_chart(report: Report, rules: Sequence[str]) -> str:
    """Compliance per rule per configuration: a dot with its Wilson interval per configuration.

    Args:
        report: The report.
        rules: The rules to draw, top to bottom.

    Returns:
        The SVG element.
    """
    count = max(1, len(report.configurations))
    row = max(float(_ROW), 7.0 * (count + 1))
    height = 30 + len(rules) * row
    parts = _axis(height)
    for index, rule in enumerate(rules):
        top = 22 + index * row
        if index % 2:
            band = {"x": 0, "y": top, "width": _WIDTH, "height": row, "fill": "#f3f5f8"}
            parts.append(_el("rect", band))
        parts.append(_label(rule, _LEFT - 8, top + row / 2 + 4))
        for column, stats in enumerate(report.configurations):
            y = top + (column + 1) * row / (count + 1)
            parts.extend(_dot(stats.rules.get(rule), y, colour(column), stats.log.name))
    return _svg(height, parts, "compliance per rule per configuration", "compliance")


def _dot(rate: Rate | None, y: float, fill: str, name: str) -> list[str]:
    if rate is None or rate.value is None or rate.ci95 is None:
        return []
    low, high = rate.ci95
    tip = f"{name}: {percent(rate.value)} of {round(rate.trials)} ({percent(low)}-{percent(high)})"
    bar = {"x1": _x(low), "y1": y, "x2": _x(high), "y2": y, "stroke": fill, "stroke-width": 2}
    dot = {"cx": _x(rate.value), "cy": y, "r": 4, "fill": fill}
    return [_el("line", {**bar, "opacity": 0.55}), _el("circle", dot, _title(tip))]


def _signed_x(value: float) -> float:
    return _x((value + 1) / 2)


def delta_chart(comparison: Comparison) -> str:
    """A forest plot: the overall and each changed rule's difference (b - a), with intervals.

    Args:
        comparison: The comparison.

    Returns:
        The SVG element.
    """
    rows = [("instruction-level (all)", comparison.instruction_level)]
    ordered = sorted(comparison.rules.items(), key=lambda item: (item[1].delta or 0.0, item[0]))
    rows.extend(item for item in ordered if item[1].delta or item[1].verdict != "same")
    height = 40 + len(rows) * _ROW
    zero = _signed_x(0.0)
    parts = _axis(height, signed_axis=True)
    parts.append(
        _el("line", {"x1": zero, "y1": 18, "x2": zero, "y2": height - 18, "stroke": _NEUTRAL})
    )
    for index, (label, difference) in enumerate(rows):
        y = 30.0 + index * _ROW
        parts.append(_label(label, _LEFT - 8, y + 4, bold=index == 0))
        parts.extend(_estimate(label, difference, y))
    return _svg(height, parts, f"deltas {comparison.a} to {comparison.b}", "deltas")


def _estimate(label: str, difference: PairedDifference, y: float) -> list[str]:
    delta = difference.delta
    if delta is None:
        return []
    fill = VERDICT_COLOURS.get(difference.verdict, _NEUTRAL)
    parts = []
    if difference.ci95 is not None:
        low, high = (_signed_x(value) for value in difference.ci95)
        parts.append(
            _el(
                "line", {"x1": low, "y1": y, "x2": high, "y2": y, "stroke": fill, "stroke-width": 2}
            )
        )
    tip = f"{label}: {signed(delta)}, p={difference.p_value:.3g}, {difference.verdict}"
    box = {"x": _signed_x(delta) - 4, "y": y - 4, "width": 8, "height": 8, "fill": fill}
    parts.append(_el("rect", box, _title(tip)))
    return parts


@dataclass(frozen=True, slots=True, kw_only=True)
class _Frame:
    """Where the trend chart puts a run and a rate."""

    runs: tuple[str, ...]
    width: float = _WIDTH
    height: float = 260.0
    left: float = 60.0
    bottom: float = 60.0

    def at(self, run: str, value: float) -> tuple[float, float]:
        """The point of a run's rate.

        Args:
            run: The run's label.
            value: The rate in [0, 1].

        Returns:
            (x, y) in the chart.
        """
        span = max(1, len(self.runs) - 1)
        share = self.runs.index(run) / span if len(self.runs) > 1 else 0.5
        x = self.left + share * (self.width - self.left - 30)
        return x, 20 + (1 - value) * (self.height - self.bottom - 20)


def trend_chart(report: Report) -> str:
    """Instruction-level accuracy per configuration, run by run.

    Args:
        report: The report.

    Returns:
        The SVG element.
    """
    started: dict[str, str] = {}
    for points in report.history.values():
        for point in points:
            started[point.run] = min(started.get(point.run, point.created), point.created)
    # one place per run on the time axis, however many configurations it ran, at different times
    frame = _Frame(runs=tuple(sorted(started, key=lambda run: (started[run], run))))
    parts = _trend_grid(frame)
    for index, stats in enumerate(report.configurations):
        name = stats.log.name
        parts.extend(_series(report.history.get(name, ()), frame.at, colour(index), name))
    return _svg(frame.height, parts, "instruction-level accuracy over runs", "trend")


def _trend_grid(frame: _Frame) -> list[str]:
    parts = []
    for step in range(5):
        y = 20 + (1 - step / 4) * (frame.height - frame.bottom - 20)
        grid = {"x1": frame.left, "y1": y, "x2": frame.width - 20, "y2": y, "stroke": _GRID}
        parts.append(_el("line", grid))
        parts.append(
            _el("text", {"x": frame.left - 6, "y": y + 4, "text-anchor": "end"}, f"{step * 25}%")
        )
    for run in frame.runs:
        x, _ = frame.at(run, 0.0)
        where = {"x": x, "y": frame.height - frame.bottom + 18, "text-anchor": "middle"}
        parts.append(_el("text", where, escape(run[:22])))
    return parts


def _series(
    points: Sequence[HistoryPoint],
    at: Callable[[str, float], tuple[float, float]],
    stroke: str,
    name: str,
) -> list[str]:
    located = [
        (at(point.run, point.instruction_level.value), point)
        for point in points
        if point.instruction_level.value is not None
    ]
    if not located:
        return []
    path = " ".join(f"{x:.1f},{y:.1f}" for (x, y), _ in located)
    parts = [_el("polyline", {"points": path, "fill": "none", "stroke": stroke, "stroke-width": 2})]
    for (x, y), point in located:
        tip = f"{name} {point.run}: {percent(point.instruction_level.value)}"
        parts.append(_el("circle", {"cx": x, "cy": y, "r": 4, "fill": stroke}, _title(tip)))
    return parts
