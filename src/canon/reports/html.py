"""The HTML report: one self-contained page (inline CSS, SVG charts drawn here, a tiny script).

Nothing is fetched: the page renders offline. Charts are SVG written in Python: compliance
per rule per configuration (dots with 95% intervals), paired deltas with their bootstrap
intervals (a forest plot per comparison), and instruction-level accuracy over runs.
"""

from collections.abc import Callable, Sequence
from html import escape

from canon.reports.analysis import Comparison, Rate
from canon.reports.markdown import percent, rules_by_attention, signed
from canon.reports.report import HistoryPoint, Report
from canon.reports.stats import PairedDifference

__all__ = ["html_report"]

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
_LEFT = 250
_WIDTH = 760
_ROW = 20
_MAX_FOREST = 4

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;
color:#1d2330;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:24px}h2{margin:28px 0 8px;font-size:18px}
.note{color:#5b6475;margin:4px 0 12px}
.card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:14px;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid #eceff3;text-align:right;white-space:nowrap}
th{background:#f0f2f5;cursor:pointer;user-select:none;position:sticky;top:0}
td:first-child,th:first-child{text-align:left}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.bad{color:#b42318;font-weight:600}.good{color:#067647;font-weight:600}.muted{color:#8a93a3}
.banner{padding:10px 14px;border-radius:8px;margin:12px 0;font-weight:600}
.banner.fail{background:#fee4e2;color:#912018}.banner.pass{background:#dcfae6;color:#05603a}
.legend span{display:inline-block;margin-right:14px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px}
input{padding:5px 8px;border:1px solid #cdd3dc;border-radius:6px;margin-bottom:8px;width:260px}
svg text{font:11px system-ui,sans-serif;fill:#1d2330}
"""

_SCRIPT = """
document.querySelectorAll('table.sortable th').forEach(function(th, index){
  th.addEventListener('click', function(){
    var body = th.closest('table').tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var up = th.dataset.dir !== 'up'; th.dataset.dir = up ? 'up' : 'down';
    rows.sort(function(a, b){
      var x = a.cells[index].dataset.v || a.cells[index].textContent;
      var y = b.cells[index].dataset.v || b.cells[index].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (isNaN(nx) || isNaN(ny)) ? x.localeCompare(y) : nx - ny;
      return up ? c : -c;
    });
    rows.forEach(function(row){ body.appendChild(row); });
  });
});
var filter = document.getElementById('rule-filter');
if (filter) { filter.addEventListener('input', function(){
  var q = filter.value.toLowerCase();
  document.querySelectorAll('#rules-table tbody tr').forEach(function(row){
    row.style.display = row.cells[0].textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
  });
}); }
document.body.dataset.ready = 'yes';
"""


def _el(name: str, content: str = "", **attributes: float | str) -> str:
    """An SVG element; attribute names use `_` for `-`, numbers get one decimal."""
    parts = [name]
    for key, value in attributes.items():
        shown = f"{value:.1f}" if isinstance(value, float) else escape(str(value))
        parts.append(f'{key.replace("_", "-")}="{shown}"')
    opening = " ".join(parts)
    return f"<{opening}>{content}</{name}>" if content else f"<{opening}/>"


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def _x(value: float) -> float:
    return _LEFT + value * (_WIDTH - _LEFT - 20)


def _axis(height: float, *, low: float = 0.0, high: float = 1.0) -> list[str]:
    parts = []
    for step in range(5):
        value = low + (high - low) * step / 4
        x = _LEFT + (step / 4) * (_WIDTH - _LEFT - 20)
        parts.append(
            f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="{height - 18:.1f}" stroke="#e3e6eb"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="12" text-anchor="middle">{value * 100:+.0f}%</text>'
            if low < 0
            else f'<text x="{x:.1f}" y="12" text-anchor="middle">{value * 100:.0f}%</text>'
        )
    return parts


def _svg(height: float, parts: Sequence[str], label: str, chart: str) -> str:
    body = "".join(parts)
    return (
        f'<svg class="chart" data-chart="{chart}" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {_WIDTH} {height:.0f}" width="100%" style="max-width:{_WIDTH}px">'
        f"{body}</svg>"
    )


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _legend(names: Sequence[str]) -> str:
    items = "".join(
        f'<span><i style="background:{_colour(i)}"></i>{escape(name)}</span>'
        for i, name in enumerate(names)
    )
    return f'<div class="legend">{items}</div>'


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
            parts.append(
                f'<rect x="0" y="{top:.1f}" width="{_WIDTH}" height="{row:.1f}" fill="#f3f5f8"/>'
            )
        parts.append(_el("text", escape(rule), x=_LEFT - 8, y=top + row / 2 + 4, text_anchor="end"))
        for column, stats in enumerate(report.configurations):
            parts.extend(
                _dot(
                    stats.rules.get(rule),
                    top + (column + 1) * row / (count + 1),
                    _colour(column),
                    stats.log.name,
                )
            )
    return _svg(height, parts, "compliance per rule per configuration", "compliance")


def _dot(rate: Rate | None, y: float, colour: str, name: str) -> list[str]:
    if rate is None or rate.value is None or rate.ci95 is None:
        return []
    low, high = rate.ci95
    tip = f"{name}: {percent(rate.value)} of {round(rate.trials)} ({percent(low)}-{percent(high)})"
    return [
        _el(
            "line", x1=_x(low), y1=y, x2=_x(high), y2=y, stroke=colour, stroke_width=2, opacity=0.55
        ),
        _el("circle", _title(tip), cx=_x(rate.value), cy=y, r=4, fill=colour),
    ]


def delta_chart(comparison: Comparison) -> str:
    """A forest plot: each rule's paired difference (b - a) with its bootstrap interval.

    Args:
        comparison: The comparison.

    Returns:
        The SVG element.
    """
    rows: list[tuple[str, PairedDifference]] = [
        ("instruction-level (all)", comparison.instruction_level)
    ]
    ordered = sorted(comparison.rules.items(), key=lambda item: (item[1].delta or 0.0, item[0]))
    rows.extend(item for item in ordered if item[1].delta or item[1].verdict != "same")
    height = 40 + len(rows) * _ROW
    parts = _axis(height, low=-1.0, high=1.0)

    def x(value: float) -> float:
        return _x((value + 1) / 2)

    parts.append(
        f'<line x1="{x(0):.1f}" y1="18" x2="{x(0):.1f}" y2="{height - 18:.1f}" stroke="#5b6475"/>'
    )
    for index, (label, difference) in enumerate(rows):
        y = 30 + index * _ROW
        weight = "700" if index == 0 else "400"
        parts.append(
            _el("text", escape(label), x=_LEFT - 8, y=y + 4, text_anchor="end", font_weight=weight)
        )
        if difference.delta is None:
            continue
        colour = {"better": "#067647", "worse": "#b42318"}.get(difference.verdict, "#5b6475")
        if difference.ci95 is not None:
            low, high = difference.ci95
            parts.append(
                _el("line", x1=x(low), y1=y, x2=x(high), y2=y, stroke=colour, stroke_width=2)
            )
        tip = (
            f"{label}: {signed(difference.delta)}, p={difference.p_value:.3g}, {difference.verdict}"
        )
        parts.append(
            _el(
                "rect",
                _title(tip),
                x=x(difference.delta) - 4,
                y=y - 4,
                width=8,
                height=8,
                fill=colour,
            )
        )
    return _svg(height, parts, f"deltas {comparison.a} to {comparison.b}", "deltas")


def trend_chart(report: Report) -> str:
    """Instruction-level accuracy per configuration, run by run.

    Args:
        report: The report.

    Returns:
        The SVG element.
    """
    runs = sorted(
        {(point.created, point.run) for points in report.history.values() for point in points}
    )
    labels = [run for _, run in runs]
    width, height, left, bottom = _WIDTH, 260.0, 60.0, 60.0
    span = max(1, len(labels) - 1)

    def xy(run: str, value: float) -> tuple[float, float]:
        x = left + (labels.index(run) / span if len(labels) > 1 else 0.5) * (width - left - 30)
        return x, 20 + (1 - value) * (height - bottom - 20)

    parts = []
    for step in range(5):
        _, y = xy(labels[0], step / 4) if labels else (0.0, 0.0)
        parts.append(
            _el("line", x1=left, y1=y, x2=width - 20, y2=y, stroke="#e3e6eb")
            + _el("text", f"{step * 25}%", x=left - 6, y=y + 4, text_anchor="end")
        )
    for run in labels:
        x, _ = xy(run, 0)
        parts.append(
            _el("text", escape(run[:22]), x=x, y=height - bottom + 18, text_anchor="middle")
        )
    names = [stats.log.name for stats in report.configurations]
    for index, name in enumerate(names):
        parts.extend(_series(report.history.get(name, ()), xy, _colour(index), name))
    return _svg(height, parts, "instruction-level accuracy over runs", "trend")


def _series(
    points: Sequence[HistoryPoint],
    xy: Callable[[str, float], tuple[float, float]],
    colour: str,
    name: str,
) -> list[str]:
    located = [
        (xy(point.run, point.instruction_level.value), point)
        for point in points
        if point.instruction_level.value is not None
    ]
    if not located:
        return []
    path = " ".join(f"{x:.1f},{y:.1f}" for (x, y), _ in located)
    parts = [f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>']
    for (x, y), point in located:
        tip = f"{name} {point.run}: {percent(point.instruction_level.value)}"
        parts.append(_el("circle", _title(tip), cx=x, cy=y, r=4, fill=colour))
    return parts


def _cell(text: str, *, sort: float | None = None, css: str = "") -> str:
    value = "" if sort is None else f' data-v="{sort:.6f}"'
    klass = f' class="{css}"' if css else ""
    return f"<td{value}{klass}>{text}</td>"


def _table(header: Sequence[str], rows: Sequence[str], *, ident: str = "") -> str:
    head = "".join(f"<th>{escape(title)}</th>" for title in header)
    identity = f' id="{ident}"' if ident else ""
    return (
        f'<table class="sortable"{identity}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _rate_cell(rate: Rate) -> str:
    interval = rate.ci95
    shown = percent(rate.value)
    if interval is not None:
        shown += f' <span class="muted">({percent(interval[0])}-{percent(interval[1])})</span>'
    return _cell(shown, sort=rate.value if rate.value is not None else -1)


def _configuration_rows(report: Report) -> list[str]:
    rows = []
    for stats in report.configurations:
        log = stats.log
        regressed = report.regressed(log.name)
        status = "regressed" if regressed else "ok" if stats.complete else "incomplete"
        name = escape(log.name) + (
            ' <span class="muted">(calibration)</span>' if log.calibration else ""
        )
        cells = [
            f"<td><strong>{name}</strong></td>",
            _cell(f"<code>{escape(log.model)}</code>"),
            _cell(f"<code>{escape(log.instructions)}</code>"),
            _cell(status, css="good" if status == "ok" else "bad"),
            _cell(f"{stats.scored}/{log.expected}", sort=stats.scored),
            _rate_cell(stats.rate("instruction_followed", "instruction_applicable")),
            _rate_cell(stats.rate("prompt_strict")),
            _rate_cell(stats.rate("parsed")),
            _rate_cell(stats.rate("functional", "functional@applicable")),
            _cell(f"{stats.total('input_tokens'):,.0f}", sort=stats.total("input_tokens")),
            _cell(f"{stats.total('output_tokens'):,.0f}", sort=stats.total("output_tokens")),
            _cell(
                f"{stats.mean('instruction_tokens'):,.0f}", sort=stats.mean("instruction_tokens")
            ),
            _cell(f"{stats.total('seconds'):.1f}", sort=stats.total("seconds")),
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return rows


_CONFIGURATION_HEADER = (
    "configuration", "model", "instructions", "status", "scored", "instruction-level",
    "prompt-level strict", "parse rate", "functional", "tokens in", "tokens out",
    "instruction tokens", "time (s)",
)  # fmt: skip


def _rule_rows(report: Report, rules: Sequence[str]) -> list[str]:
    rows = []
    for rule in rules:
        cells = [f"<td><code>{escape(rule)}</code></td>"]
        for stats in report.configurations:
            rate = stats.rules.get(rule)
            if rate is None or rate.value is None:
                cells.append(_cell('<span class="muted">n/a</span>', sort=-1))
                continue
            css = "bad" if rate.value < 0.5 else ""
            low, high = rate.ci95 or (0.0, 0.0)
            counts = f"{round(rate.successes)}/{round(rate.trials)}"
            text = (
                f"{percent(rate.value)} "
                f'<span class="muted">{counts} ({percent(low)}-{percent(high)})</span>'
            )
            cells.append(_cell(text, sort=rate.value, css=css))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return rows


def _difference_cells(difference: PairedDifference) -> list[str]:
    interval = difference.ci95
    shown = "-" if interval is None else f"[{interval[0] * 100:+.1f}, {interval[1] * 100:+.1f}]"
    css = {"better": "good", "worse": "bad"}.get(difference.verdict, "")
    return [
        _cell(
            signed(difference.delta), sort=difference.delta if difference.delta is not None else 0
        ),
        _cell(shown),
        _cell(f"{difference.p_value:.3g}", sort=difference.p_value),
        _cell(difference.verdict, css=css),
    ]


def _comparison_section(report: Report) -> str:
    if not report.comparisons:
        return ""
    rows = []
    for item in report.comparisons:
        difference = item.instruction_level
        changed = sum(1 for value in item.rules.values() if value.verdict != "same")
        cells = [
            f"<td>{escape(item.a)} → {escape(item.b)}</td>",
            _cell(str(difference.units), sort=difference.units),
        ]
        cells.extend(_difference_cells(difference))
        cells.append(_cell(str(changed), sort=changed))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    header = (
        "a → b",
        "pairs",
        "instruction-level Δ",
        "95% CI",
        "McNemar p",
        "verdict",
        "rules changed",
    )
    charts = "".join(
        f"<h3>{escape(item.a)} → {escape(item.b)}</h3>"
        '<p class="note">Overall, then every rule whose compliance changed.</p>'
        f"{delta_chart(item)}"
        for item in report.comparisons[:_MAX_FOREST]
    )
    return (
        "<h2>Paired comparisons, largest drop first</h2>"
        '<p class="note">Same task and epoch on both sides. Δ = b - a with a 95% paired '
        "bootstrap interval; exact McNemar test on samples that followed every rule. "
        "Red: worse, green: better (p &lt; 0.05).</p>"
        f'<div class="card">{_table(header, rows)}'
        f"{charts}</div>"
    )


def _lift_section(report: Report) -> str:
    if not report.lifts:
        return ""
    rows = []
    for lift in report.lifts:
        per = lift.per_thousand_tokens
        cells = [
            f"<td><code>{escape(lift.model)}</code></td>",
            _cell(f"{escape(lift.comparison.a)} → {escape(lift.comparison.b)}"),
            _cell(escape(lift.what)),
            *_difference_cells(lift.comparison.instruction_level),
            _cell(f"{lift.token_cost:,.0f}", sort=lift.token_cost),
            _cell("-" if per is None else f"{per * 100:+.2f} pp", sort=per),
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    header = (
        "model",
        "without → with",
        "adds",
        "instruction-level Δ",
        "95% CI",
        "p",
        "verdict",
        "tokens added",
        "per 1k tokens",
    )
    return (
        "<h2>Instruction lift</h2>"
        '<p class="note">Configurations of the same model that differ only in their '
        "instructions: what the instructions (or a section of them) buy, and their cost in "
        "tokens (estimated, 4 characters a token).</p>"
        f'<div class="card">{_table(header, rows)}</div>'
    )


def _gate_section(report: Report) -> str:
    gate = report.gate
    if gate is None:
        return ""
    against = escape(", ".join(gate.baseline))
    if gate.passed:
        banner = f'<div class="banner pass">Regression gate passed against {against}</div>'
    else:
        failed = f"Regression gate failed: {len(gate.regressions)} regression(s) against {against}"
        banner = f'<div class="banner fail">{failed}</div>'
    if not gate.regressions:
        return banner
    rows = [
        f"<tr><td>{escape(item.configuration)}</td>{_cell(escape(item.measure))}{_rate_cell(item.baseline)}"
        f"{_rate_cell(item.current)}{_cell(signed(-item.drop), sort=-item.drop, css='bad')}</tr>"
        for item in gate.regressions
    ]
    table = _table(
        ("configuration", "measure", "baseline (95% CI)", "now", "Δ"), rows, ident="gate-table"
    )
    return f'{banner}<div class="card">{table}</div>'


def html_report(report: Report) -> str:
    """Render the report as one self-contained HTML page.

    Args:
        report: The report.

    Returns:
        The page.
    """
    names = [stats.log.name for stats in report.configurations]
    rules = rules_by_attention(report)
    configurations = _table(
        _CONFIGURATION_HEADER, _configuration_rows(report), ident="configurations-table"
    )
    rule_table = _table(("rule", *names), _rule_rows(report, rules), ident="rules-table")
    sources = ", ".join(f"<code>{escape(source)}</code>" for source in report.sources)
    body = (
        f'<h1>canon report</h1><p class="note">Logs: {sources}. Instruction-level: exercised rules '
        "followed; prompt-level strict: samples following every exercised rule (IFEval). "
        "Calibration configurations answer with the task bank's own solutions; "
        "they are not models.</p>"
        f"{_gate_section(report)}"
        f'<h2>Configurations</h2><div class="card">{configurations}</div>'
        '<h2>Compliance per rule per configuration</h2><p class="note">Least-followed rules first; '
        f'dots are compliance, bars the Wilson 95% interval.</p><div class="card">{_legend(names)}'
        f"{compliance_chart(report, rules)}</div>"
        f"{_comparison_section(report)}{_lift_section(report)}"
        '<h2>Trend</h2><p class="note">Instruction-level accuracy per configuration, '
        "run by run.</p>"
        f'<div class="card">{_legend(names)}{trend_chart(report)}</div>'
        '<h2>Rules</h2><div class="card"><input id="rule-filter" placeholder="filter rules" '
        f'aria-label="filter rules">{rule_table}</div>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>canon report</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main><script>{_SCRIPT}</script></body></html>\n"
    )
