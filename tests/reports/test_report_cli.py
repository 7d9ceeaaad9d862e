"""`canon report` and `canon compare` on real inspect logs from offline calibration evals."""

from __future__ import annotations

from datetime import datetime
from subprocess import run
from sys import executable
from typing import TYPE_CHECKING

from inspect_ai.log import read_eval_log
from orjson import loads
from pytest import approx, mark
from typer.testing import CliRunner

from canon.cli import app

from .conftest import EPOCHS, ROOT, TASKS

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from .conftest import Runs

runner = CliRunner()


def _report(arguments: Sequence[str | Path]):
    return runner.invoke(app, ["report", *map(str, arguments)])


def _summary(folder: Path) -> dict:
    return loads((folder / "summary.json").read_text(encoding="utf-8"))


def _configuration(summary: dict, name: str) -> dict:
    return next(item for item in summary["configurations"] if item["name"] == name)


def test_report_two_runs_writes_markdown_html_and_summary(runs: Runs, tmp_path):
    result = _report([runs.first, runs.second, "--out", tmp_path])
    assert result.exit_code == 0, result.output
    assert {path.name for path in tmp_path.iterdir()} == {
        "summary.md",
        "report.html",
        "summary.json",
    }
    summary = _summary(tmp_path)
    reference = _configuration(summary, "ref-full")
    legacy = _configuration(summary, "legacy-none")
    assert reference["scored"] == reference["samples"] == TASKS * EPOCHS
    assert reference["instruction_level"] == 1.0
    assert reference["prompt_level_strict"] == 1.0
    assert legacy["instruction_level"] == 0.0
    compiled = (ROOT / ".github" / "instructions" / "python.instructions.md").read_text()
    assert reference["instructions_tokens"] == -(-len(compiled) // 4)  # four characters a token
    assert legacy["instructions_tokens"] == 0
    assert reference["input_tokens"] > legacy["input_tokens"]
    log = read_eval_log(reference["log"])
    assert reference["log"].startswith(str(runs.second))  # the latest run of ref-full
    started, completed = log.stats.started_at, log.stats.completed_at
    elapsed = datetime.fromisoformat(completed) - datetime.fromisoformat(started)
    assert reference["wall_seconds"] == elapsed.total_seconds()
    assert reference["seconds"] == round(sum(sample.total_time for sample in log.samples), 3)
    rated = [rule for rule in reference["rules"].values() if rule["opportunities"]]
    assert rated
    assert all(rule["ci95"][0] <= rule["rate"] <= rule["ci95"][1] for rule in rated)


def test_report_markdown_configurations_and_least_followed_rules_first(runs: Runs, tmp_path):
    result = _report([runs.second, "--out", tmp_path])
    markdown = result.stdout
    assert markdown == (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "## Configurations" in markdown
    assert "## Rules, least followed first" in markdown
    rows = [
        line
        for line in markdown.split("## Configurations")[1].splitlines()
        if line.startswith("| ") and "canon/" in line
    ]
    assert "legacy-none" in rows[0]  # least followed configuration first
    assert len(markdown) < 65_000  # fits a GitHub comment


def test_report_paired_comparison_legacy_to_reference_better(runs: Runs, tmp_path):
    _report([runs.second, "--out", tmp_path])
    comparisons = _summary(tmp_path)["comparisons"]
    pair = next(
        item for item in comparisons if {item["a"], item["b"]} == {"legacy-none", "ref-full"}
    )
    overall = pair["instruction_level"]
    assert overall["units"] == TASKS * EPOCHS
    assert abs(overall["delta"]) == 1.0
    assert overall["p_value"] == approx(2 / 2 ** (TASKS * EPOCHS))
    assert overall["verdict"] == ("better" if pair["b"] == "ref-full" else "worse")


def test_report_lift_none_to_full_same_model_costs_tokens(runs: Runs, tmp_path):
    _report([runs.second, "--out", tmp_path])
    lifts = _summary(tmp_path)["lift"]
    assert [(item["a"], item["b"], item["adds"]) for item in lifts] == [
        ("ref-no-typing", "ref-full", "section typing"),
        ("ref-none", "ref-full", "copilot:full"),
    ]
    section, whole = lifts
    # Copilot's full instructions are the seed file, a token per four characters, rounded up;
    # the typing section costs what the instructions without it save.
    seed_path = ROOT / ".github" / "instructions" / "python.instructions.md"
    seed = seed_path.read_text(encoding="utf-8")
    full = -(-len(seed) // 4)
    assert whole["token_cost"] == full
    assert section["token_cost"] == full - _instruction_tokens(runs.second, "ref-no-typing")
    # The reference answers the same with or without instructions: they buy nothing.
    assert whole["instruction_level"]["delta"] == 0.0
    assert whole["per_1000_tokens"] == 0.0


def _instruction_tokens(folder: Path, name: str) -> int:
    """The instruction tokens the solver recorded for one configuration's samples."""
    for path in sorted(folder.rglob("*.eval")):
        log = read_eval_log(str(path))
        if log.eval.metadata and log.eval.metadata.get("configuration") == name:
            (tokens,) = {sample.metadata["instructions_tokens"] for sample in log.samples or ()}
            return tokens
    raise AssertionError(f"no log of {name}")


def test_report_history_one_point_per_dated_run(runs: Runs, tmp_path):
    _report([runs.root, "--out", tmp_path])
    summary = _summary(tmp_path)
    history = summary["history"]
    assert [point["run"] for point in history["ref-full"]] == [
        runs.first.name,
        runs.second.name,
        runs.regressed.name,
    ]
    assert [point["instruction_level"] for point in history["ref-full"]] == [1.0, 1.0, 0.0]
    assert [point["run"] for point in history["ref-none"]] == [runs.first.name, runs.second.name]
    assert _configuration(summary, "ref-full")["model"] == "canon/legacy"  # latest run wins


def test_report_gate_seeded_regression_exits_1(runs: Runs, tmp_path):
    result = _report([runs.regressed, "--out", tmp_path, "--baseline", runs.second])
    assert result.exit_code == 1, result.output
    gate = _summary(tmp_path)["gate"]
    assert not gate["passed"]
    measures = {(item["configuration"], item["measure"]) for item in gate["regressions"]}
    assert ("ref-full", "instruction-level") in measures
    assert any(measure.startswith("rule ") for _, measure in measures)
    assert "regression: ref-full: instruction-level" in result.stderr
    assert "Regression gate: FAILED" in result.stdout


def test_report_gate_without_regression_exits_0(runs: Runs, tmp_path):
    result = _report([runs.second, "--out", tmp_path, "--baseline", runs.first])
    assert result.exit_code == 0, result.output
    gate = _summary(tmp_path)["gate"]
    assert gate["passed"]
    assert gate["regressions"] == []
    assert set(gate["compared"]) == {"ref-full", "ref-none", "legacy-none", "ref-no-typing"}


def test_compare_two_runs_same_configuration_worse(runs: Runs):
    result = runner.invoke(
        app, ["compare", str(runs.second), str(runs.regressed), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    summary = loads(result.stdout)
    assert len(summary["comparisons"]) == 1
    pair = summary["comparisons"][0]
    assert pair["a"].startswith("ref-full (a: ") and pair["b"].startswith("ref-full (b: ")
    assert pair["instruction_level"]["delta"] == -1.0
    assert pair["instruction_level"]["verdict"] == "worse"
    assert any(rule["verdict"] == "worse" for rule in pair["rules"].values()) or TASKS * EPOCHS < 6


def test_compare_two_log_files_markdown_and_out(runs: Runs, tmp_path):
    first = sorted(runs.second.glob("*legacy-none*.eval"))[0]
    second = sorted(runs.second.glob("*ref-full*.eval"))[0]
    result = runner.invoke(app, ["compare", str(first), str(second), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "legacy-none → ref-full" in result.stdout
    assert (tmp_path / "report.html").is_file()


@mark.parametrize("command", ["report", "compare"])
def test_report_missing_path_one_line_exit_2(command, tmp_path):
    missing = tmp_path / "nowhere"
    arguments = [command, str(missing), "--out", str(tmp_path / "out")]
    if command == "compare":
        arguments = [command, str(missing), str(missing)]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"canon: {missing.as_posix()}: no such file or folder"
    ]
    assert not (tmp_path / "out").exists()


def test_report_non_log_file_one_line_exit_2(tmp_path):
    bogus = tmp_path / "summary.json"
    bogus.write_text('{"configurations": []}', encoding="utf-8")
    result = _report([bogus, "--out", tmp_path / "out"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "not an inspect eval log" in lines[0]
    assert not (tmp_path / "out").exists()


def test_report_folder_without_logs_exit_2(tmp_path):
    result = _report([tmp_path, "--out", tmp_path / "out"])
    assert result.exit_code == 2
    assert "no inspect eval logs" in result.stderr


def test_help_imports_no_scipy_pandas_or_inspect():
    code = (
        "import sys\n"
        "from canon.cli import main\n"
        "sys.argv = ['canon', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'scipy', 'numpy', 'pandas', 'inspect_ai'}\n"
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = run([executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr == "[]"
    assert "report" in result.stdout and "compare" in result.stdout
