"""The HTML report: one self-contained page (inline CSS, inline SVG charts, a tiny script).

Nothing is fetched: the page renders offline. Charts are SVG written in Python: compliance
per rule per configuration (dots with 95% intervals), paired deltas with their bootstrap
intervals (a forest plot per comparison), and instruction-level accuracy over runs.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from canon.evals.contract import (
    FUNCTIONAL_PASS_RATE,
    INSTRUCTION_LEVEL,
    PARSE_RATE,
    PROMPT_LEVEL_STRICT,
)
from canon.reports.charts import colour, compliance_chart, delta_chart, trend_chart
from canon.reports.markdown import percent, rules_by_attention, signed

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.reports.analysis import Comparison, Lift, Rate
    from canon.reports.report import Report
    from canon.reports.stats import PairedDifference

__all__ = ["html_report"]

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
td:first-child,th:first-child,#gate-table td:nth-child(2){text-align:left}
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
var charts = document.querySelectorAll('svg.chart');
document.body.dataset.charts = charts.length;
document.body.dataset.drawn = Array.prototype.filter.call(charts, function(svg){
  var box = svg.getBoundingClientRect(); return box.width > 0 && box.height > 0;
}).length;
document.body.dataset.rules = document.querySelectorAll('#rules-table tbody tr').length;
document.body.dataset.ready = 'yes';
"""


def _legend(names: Sequence[str]) -> str:
    items = "".join(
        f'<span><i style="background:{colour(index)}"></i>{escape(name)}</span>'
        for index, name in enumerate(names)
    )
    return f'<div class="legend">{items}</div>'


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
        mark = stats.calibration_mark.strip()
        name = escape(log.name) + (f' <span class="muted">{escape(mark)}</span>' if mark else "")
        cells = [
            f"<td><strong>{name}</strong></td>",
            _cell(f"<code>{escape(log.model)}</code>"),
            _cell(f"<code>{escape(log.instructions)}</code>"),
            _cell(status, css="good" if status == "ok" else "bad"),
            _cell(f"{stats.scored}/{log.expected}", sort=stats.scored),
            _rate_cell(stats.rate(INSTRUCTION_LEVEL)),
            _rate_cell(stats.rate(PROMPT_LEVEL_STRICT)),
            _rate_cell(stats.rate(PARSE_RATE)),
            _rate_cell(stats.rate(FUNCTIONAL_PASS_RATE)),
            _cell(f"{stats.total('input_tokens'):,.0f}", sort=stats.total("input_tokens")),
            _cell(f"{stats.total('output_tokens'):,.0f}", sort=stats.total("output_tokens")),
            _cell(
                f"{stats.mean('instruction_tokens'):,.0f}", sort=stats.mean("instruction_tokens")
            ),
            _cell(f"{stats.log.wall_seconds:.1f}", sort=stats.log.wall_seconds),
            _cell(f"{stats.mean('seconds'):.2f}", sort=stats.mean("seconds")),
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return rows


_CONFIGURATION_HEADER = (
    "configuration", "model", "instructions", "status", "scored", "instruction-level",
    "prompt-level strict", "parse rate", "functional", "tokens in", "tokens out",
    "instruction tokens", "wall time (s)", "s / sample",
)  # fmt: skip


def _rule_rows(report: Report, rules: Sequence[str]) -> list[str]:
    rows = []
    for rule in rules:
        cells = [f"<td><code>{escape(rule)}</code></td>"]
        for stats in report.configurations:
            rate = stats.rules.get(rule)
            avoided = stats.avoided.get(rule, 0)
            note = f" · {avoided} avoided" if avoided else ""
            if rate is None or rate.value is None:
                cells.append(_cell(f'<span class="muted">n/a{note}</span>', sort=-1))
                continue
            css = "bad" if rate.value < 0.5 else ""
            low, high = rate.ci95 or (0.0, 0.0)
            counts = f"{round(rate.successes)}/{round(rate.trials)}{note}"
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


_COMPARISON_HEADER = (
    "a → b", "pairs", "instruction-level Δ", "95% CI", "McNemar p", "verdict", "rules changed",
)  # fmt: skip
_LIFT_HEADER = (
    "model", "without → with", "adds", "instruction-level Δ", "95% CI", "p", "verdict",
    "tokens added", "per 1k tokens",
)  # fmt: skip
_COMPARISON_NOTE = (
    "Same task and epoch on both sides. Δ = b - a with a 95% paired bootstrap interval; exact "
    "McNemar test on samples that followed every rule. Red: worse, green: better (p &lt; 0.05)."
)
_LIFT_NOTE = (
    "Configurations of the same model that differ only in their instructions: what the "
    "instructions (or a section of them) buy, and their cost in tokens (estimated, 4 characters "
    "a token)."
)


def _section(title: str, note: str, content: str) -> str:
    paragraph = f'<p class="note">{note}</p>' if note else ""
    return f'<h2>{escape(title)}</h2>{paragraph}<div class="card">{content}</div>'


def _comparison_row(item: Comparison) -> str:
    difference = item.instruction_level
    changed = sum(1 for value in item.rules.values() if value.verdict != "same")
    cells = [
        f"<td>{escape(item.a)} → {escape(item.b)}</td>",
        _cell(str(difference.units), sort=difference.units),
        *_difference_cells(difference),
        _cell(str(changed), sort=changed),
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _comparison_section(report: Report) -> str:
    if not report.comparisons:
        return ""
    rows = [_comparison_row(item) for item in report.comparisons]
    charts = "".join(
        f"<h3>{escape(item.a)} → {escape(item.b)}</h3>"
        '<p class="note">Overall, then every rule whose compliance changed.</p>'
        f"{delta_chart(item)}"
        for item in report.comparisons[:_MAX_FOREST]
    )
    content = _table(_COMPARISON_HEADER, rows) + charts
    return _section("Paired comparisons, largest differences first", _COMPARISON_NOTE, content)


def _lift_row(lift: Lift) -> str:
    per = lift.per_thousand_tokens
    cells = [
        f"<td><code>{escape(lift.model)}</code></td>",
        _cell(f"{escape(lift.comparison.a)} → {escape(lift.comparison.b)}"),
        _cell(escape(lift.what)),
        *_difference_cells(lift.comparison.instruction_level),
        _cell(f"{lift.token_cost:,.0f}", sort=lift.token_cost),
        _cell("-" if per is None else f"{per * 100:+.2f} pp", sort=per),
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _lift_section(report: Report) -> str:
    if not report.lifts:
        return ""
    rows = [_lift_row(lift) for lift in report.lifts]
    return _section("Instruction lift", _LIFT_NOTE, _table(_LIFT_HEADER, rows))


def _gate_section(report: Report) -> str:
    gate = report.gate
    if gate is None:
        return ""
    against = escape(", ".join(gate.baseline))
    if gate.passed:
        banner = f'<div class="banner pass">Regression gate passed against {against}</div>'
    else:
        why = gate.verdict.removeprefix("FAILED: ")
        failed = f"Regression gate failed: {escape(why)} against {against}"
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


_INTRO = (
    "Instruction-level: exercised rules followed; prompt-level strict: samples following every "
    "exercised rule (IFEval). Calibration configurations answer with the task bank's own "
    "solutions; they are not models. A calibration whose verdicts differ from the bank's "
    "labels (reference: every exercised rule followed; legacy: broken; typical: as labelled) "
    "is marked with the number of tasks off their labels."
)


def _body(report: Report) -> str:
    names = [stats.log.name for stats in report.configurations]
    rules = rules_by_attention(report)
    rows = _configuration_rows(report)
    configurations = _table(_CONFIGURATION_HEADER, rows, ident="configurations-table")
    rule_table = _table(("rule", *names), _rule_rows(report, rules), ident="rules-table")
    sources = ", ".join(f"<code>{escape(source)}</code>" for source in report.sources)
    compliance = "Least-followed rules first; dots are compliance, bars the Wilson 95% interval."
    filter_box = '<input id="rule-filter" placeholder="filter rules" aria-label="filter rules">'
    return "".join(
        (
            f'<h1>canon report</h1><p class="note">Logs: {sources}. {_INTRO}</p>',
            _gate_section(report),
            _section("Configurations", "", configurations),
            _section(
                "Compliance per rule per configuration",
                compliance,
                _legend(names) + compliance_chart(report, rules),
            ),
            _comparison_section(report),
            _lift_section(report),
            _section(
                "Trend",
                "Instruction-level accuracy per configuration, run by run.",
                _legend(names) + trend_chart(report),
            ),
            _section("Rules", "", filter_box + rule_table),
        )
    )


def html_report(report: Report) -> str:
    """Render the report as one self-contained HTML page.

    Args:
        report: The report.

    Returns:
        The page.
    """
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>canon report</title><style>{_CSS}</style></head>"
        f"<body><main>{_body(report)}</main><script>{_SCRIPT}</script></body></html>\n"
    )
