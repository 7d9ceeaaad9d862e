"""The HTML report in a real headless Chromium: charts and the per-rule table render offline."""

from collections.abc import Sequence
from pathlib import Path
from re import findall, search, sub
from shutil import which
from subprocess import CompletedProcess, run

from pytest import TempPathFactory, fixture, mark
from typer.testing import CliRunner

from canon.cli import app

from .conftest import Runs
from .scripted_runs import Runs as ScriptedRuns

CHROMIUM = which("chromium") or which("chromium-browser")
needs_chromium = mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
)


def _chromium(page: Path, profile: Path, arguments: Sequence[str]) -> CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *arguments,
        page.as_uri(),
    ]
    return run(command, capture_output=True, text=True, timeout=90, check=True)


@fixture(scope="module")
def page(runs: Runs, tmp_path_factory: TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    result = CliRunner().invoke(
        app, ["report", str(runs.root), "--out", str(out), "--baseline", str(runs.second)]
    )
    assert result.exit_code == 1, result.output  # the seeded regression
    return out / "report.html"


def test_html_self_contained_no_network_references(page: Path):
    html = page.read_text(encoding="utf-8")
    assert not search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html
    assert "<svg" in html and "<script>" in html


@needs_chromium
def test_html_headless_chromium_renders_charts_and_rule_table(page: Path, tmp_path):
    dom = _chromium(page, tmp_path / "profile", ["--dump-dom"]).stdout
    # The inline script ran to its end and laid out every chart (six, each a non-empty box);
    # 37 rules had an opportunity in some configuration.
    assert search(r'<body data-charts="6" data-drawn="6" data-rules="37" data-ready="yes">', dom)
    for chart in ("compliance", "deltas", "trend"):
        assert f'data-chart="{chart}"' in dom
    rules = _rows(dom, "rules-table")
    assert len(rules) == 37
    rated = sum(1 for cells in rules for cell in cells[1:] if cell != "n/a")
    compliance = dom.split('data-chart="compliance"')[1].split("</svg>")[0]
    assert compliance.count("<circle") == rated == 134  # one dot per rated cell of the table
    trend = dom.split('data-chart="trend"')[1].split("</svg>")[0]
    assert trend.count("<polyline") == 4  # one line per configuration
    # one label per run on the time axis, oldest first, however many configurations each ran
    labels = findall(r'text-anchor="middle"[^>]*>([^<]*)</text>', trend)
    assert labels == ["2026-11-25T02-00-00Z", "2026-11-26T02-00-00Z", "2026-11-27T02-00-00Z"]
    assert "Regression gate failed" in dom
    assert 'id="gate-table"' in dom


# The `outside` run's configuration row: name to tokens out (4 samples of 100 in, 7 out).
OUTSIDE_ROW = [
    "canon_eval",
    "mockllm/model",
    "copilot:full",
    "regressed",
    "4/4",
    "75.0% (40.9%-92.9%)",
    "50.0% (15.0%-85.0%)",
    "100.0% (51.0%-100.0%)",
    "-",
    "400",
    "28",
]


def _rows(dom: str, table: str) -> list[list[str]]:
    """The text of each body row's cells of a table, as the browser laid it out."""
    body = dom.split(f'id="{table}"')[1].split("<tbody>")[1].split("</tbody>", maxsplit=1)[0]
    return [
        [sub(r"<[^>]+>", "", cell) for cell in findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in findall(r"<tr>(.*?)</tr>", body)
    ]


@needs_chromium
def test_html_headless_chromium_shows_gate_configuration_and_rule_values(
    scripted: ScriptedRuns, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    arguments = [str(scripted.outside), "--out", str(out), "--baseline", str(scripted.baseline)]
    assert CliRunner().invoke(app, ["report", *arguments]).exit_code == 1
    dom = _chromium(out / "report.html", tmp_path / "profile", ["--dump-dom"]).stdout
    assert search(r'<body data-charts="2" data-drawn="2" data-rules="14" data-ready="yes">', dom)
    banner = f"Regression gate failed: 2 regression(s) against {scripted.baseline}"
    assert f'<div class="banner fail">{banner}</div>' in dom
    interval, now = "100.0% (51.0%-100.0%)", "50.0% (15.0%-85.0%)"
    assert _rows(dom, "gate-table") == [
        ["canon_eval", "prompt-level strict", interval, now, "-50.0 pp"],
        ["canon_eval", "rule tests.naming", interval, now, "-50.0 pp"],
    ]
    (row,) = _rows(dom, "configurations-table")
    assert row[: len(OUTSIDE_ROW)] == OUTSIDE_ROW
    rules = _rows(dom, "rules-table")
    assert rules[0] == ["tests.naming", "50.0% 2/4 (15.0%-85.0%)"]
    assert [cells for cells in rules[1:] if cells[1] != "100.0% 4/4 (51.0%-100.0%)"] == []
    trend = dom.split('data-chart="trend"')[1].split("</svg>")[0]
    assert findall(r"<title>(.*?)</title>", trend) == ["canon_eval b-outside: 75.0%"]
