# path: tests/reports/test_cli.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: pytest-style=compliant test-names=violation function-length=compliant parameter-count=compliant
# expect: orjson=violation pathlib=compliant google-docstrings=violation type-checking-imports=violation
# expect: no-any=compliant
# expect: no-pickle=compliant
# expect: relative-imports=compliant
"""Tests for the `reports generate` command."""

import json
from pathlib import Path

from typer.testing import CliRunner

from reports.cli import app

runner = CliRunner()

ROWS = """date,region,product,amount
2024-01-02,north,widget,10.50
2024-01-03,south,widget,4.00
2024-01-03,north,gadget,7.25
"""


def write_export(tmp_path: Path) -> Path:
    source = tmp_path / "orders.csv"
    source.write_text(ROWS, encoding="utf-8")
    return source


def test_generate(tmp_path):
    source = write_export(tmp_path)
    output = tmp_path / "report.json"
    result = runner.invoke(app, [str(source), "--output", str(output)])
    assert result.exit_code == 0
    report = json.loads(output.read_text())
    assert report["totals"] == {"widget": 14.5, "gadget": 7.25}


def test_generate_region_filter_keeps_only_region(tmp_path: Path) -> None:
    source = write_export(tmp_path)
    output = tmp_path / "report.json"
    result = runner.invoke(app, [str(source), "-o", str(output), "--region", "north"])
    assert result.exit_code == 0
    assert json.loads(output.read_text())["totals"] == {"widget": 10.5, "gadget": 7.25}


def test_bad_date(tmp_path: Path) -> None:
    source = write_export(tmp_path)
    result = runner.invoke(app, [str(source), "--since", "yesterday"])
    assert result.exit_code != 0
    assert "not an ISO date" in result.output
