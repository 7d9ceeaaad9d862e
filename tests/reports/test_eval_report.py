"""`canon eval` ends with the same report `canon report` writes (one module builds both)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from orjson import loads
from typer.testing import CliRunner

from canon.cli import app

from .conftest import ROOT

if TYPE_CHECKING:
    from pytest import MonkeyPatch

CONFIG = """\
description: one calibration configuration, for the report test
epochs: 1
test_timeout: 10
configurations:
  - name: calibration-reference
    model: canon/reference
    instructions: none
"""


def test_eval_report_same_as_canon_report(tmp_path, monkeypatch: MonkeyPatch):
    monkeypatch.chdir(ROOT)
    config = tmp_path / "one.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    logs, from_eval, from_report = tmp_path / "logs", tmp_path / "eval", tmp_path / "report"
    runner = CliRunner()
    arguments = ["--config", str(config), "--limit", "1", "--quiet"]
    folders = ["--log-dir", str(logs), "--report-dir", str(from_eval)]
    result = runner.invoke(app, ["eval", *arguments, *folders])
    assert result.exit_code == 0, result.output
    assert {path.name for path in from_eval.iterdir()} == {
        "summary.md",
        "report.html",
        "summary.json",
    }
    summary = loads((from_eval / "summary.json").read_text(encoding="utf-8"))
    (entry,) = summary["configurations"]
    for field in ("name", "model", "instructions", "epochs", "samples", "scored"):
        assert field in entry
    assert entry["scored"] == entry["samples"] == 1
    assert entry["prompt_level_strict"] == 1.0
    assert summary["log_dir"] == str(logs.resolve())
    again = runner.invoke(app, ["report", str(logs), "--out", str(from_report)])
    assert again.exit_code == 0, again.output
    for name in ("summary.json", "summary.md", "report.html"):
        assert (from_eval / name).read_bytes() == (from_report / name).read_bytes()
