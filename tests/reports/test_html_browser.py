"""The HTML report in a real headless Chromium: charts and the per-rule table render offline."""

from collections.abc import Sequence
from pathlib import Path
from re import findall, search
from shutil import which
from subprocess import CompletedProcess, run

from pytest import TempPathFactory, fixture, mark
from typer.testing import CliRunner

from canon.cli import app

from .conftest import Runs

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
    assert 'data-ready="yes"' in dom  # the inline script ran to its end
    charts = int(search(r'data-charts="(\d+)"', dom).group(1))
    drawn = int(search(r'data-drawn="(\d+)"', dom).group(1))
    assert charts >= 3
    assert drawn == charts  # every chart laid out with a non-empty box
    assert int(search(r'data-rules="(\d+)"', dom).group(1)) >= 10
    for chart in ("compliance", "deltas", "trend"):
        assert f'data-chart="{chart}"' in dom
    compliance = dom.split('data-chart="compliance"')[1].split("</svg>")[0]
    assert compliance.count("<circle") >= 10
    assert "<polyline" in dom.split('data-chart="trend"')[1].split("</svg>")[0]
    table = dom.split('id="rules-table"')[1].split("</table>")[0]
    rows = findall(r"<tr>", table.split("<tbody>")[1])
    assert len(rows) >= 10
    assert "Regression gate failed" in dom
    assert 'id="gate-table"' in dom


@needs_chromium
def test_html_headless_chromium_screenshot_png(page: Path, tmp_path):
    shot = tmp_path / "report.png"
    _chromium(page, tmp_path / "profile", ["--window-size=1280,2400", f"--screenshot={shot}"])
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes
