"""The baseline gate against its interval, the rules table's order and the history's, exactly.

The runs are `scripted_runs.py`'s (real evals of `evals/canon_eval.py`, `mockllm/model`
answering from a script, four epochs of `pytest-slugify-tests`). The baseline follows both
rules every time: 8/8 instruction-level, 4/4 prompt-level and per rule, whose Wilson 95%
intervals start at 0.6756 and 0.5101. One answer naming a test badly (`test_dashes`) breaks
`tests.naming` only.

- inside: one epoch of four breaks the naming: every point value drops (7/8, 3/4, 3/4) but stays
  inside the baseline's interval, so the gate passes;
- outside: two epochs of four break it: 6/8 instruction-level stays inside, but 2/4 prompt-level
  and 2/4 `tests.naming` fall just below 0.5101, so the gate fails on those two only.

The folders are named so that their alphabetical order is not the order the runs were made.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from inspect_ai.log import read_eval_log
from orjson import loads
from typer.testing import CliRunner

from canon.cli import app
from tests.evals.scripted import INPUT_TOKENS, OUTPUT_TOKENS

from .scripted_runs import EPOCHS, NAME

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from typer.testing import Result

    from .scripted_runs import Runs


def _report(arguments: Sequence[str | Path]) -> Result:
    return CliRunner().invoke(app, ["report", *map(str, arguments)])


def _summary(folder: Path) -> dict:
    return loads((folder / "summary.json").read_text(encoding="utf-8"))


def test_gate_drop_inside_baseline_interval_passes(scripted: Runs, tmp_path: Path) -> None:
    result = _report([scripted.inside, "--out", tmp_path, "--baseline", scripted.baseline])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (
        "canon: regression gate passed (1 configuration(s) compared)"
    )
    summary = _summary(tmp_path)
    (configuration,) = summary["configurations"]
    assert (configuration["instruction_level"], configuration["prompt_level_strict"]) == (
        0.875,
        0.75,
    )
    assert configuration["rules"]["tests.naming"]["rate"] == 0.75
    assert summary["gate"] == {
        "passed": True,
        "baseline": [str(scripted.baseline)],
        "compared": [NAME],
        "missing": [],
        "regressions": [],
    }


def test_gate_drop_just_below_baseline_interval_fails(scripted: Runs, tmp_path: Path) -> None:
    result = _report([scripted.outside, "--out", tmp_path, "--baseline", scripted.baseline])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-2:] == [
        f"canon: regression: {NAME}: prompt-level strict fell below the baseline's interval",
        f"canon: regression: {NAME}: rule tests.naming fell below the baseline's interval",
    ]
    regression = {"baseline": 1.0, "baseline_ci95": [0.5101, 1.0], "current": 0.5}
    # Instruction-level fell from 8/8 to 6/8 = 0.75, still above its interval's 0.6756.
    assert _summary(tmp_path)["gate"]["regressions"] == [
        {"configuration": NAME, "measure": "prompt-level strict", **regression},
        {"configuration": NAME, "measure": "rule tests.naming", **regression},
    ]
    assert "Regression gate: FAILED" in result.stdout
    assert f"| {NAME} | `mockllm/model` | `copilot:full` | REGRESSED | 4/4 |" in result.stdout


RULES_BY_ATTENTION = [
    "typing.annotate-all",  # 1/4
    "tests.naming",  # 2/4
    "deprecated.any",  # every other rule 4/4, by id
    "deprecated.star-args",
    "docs.public-api",
    "functions.max-parameters",
    "functions.short",
    "imports.absolute-cross-package",
    "imports.no-wildcard",
    "imports.specific-names",
    "modules.max-length",
    "tests.pytest",
]


def test_report_rules_table_least_followed_first(scripted: Runs, tmp_path: Path) -> None:
    result = _report([scripted.rules, "--out", tmp_path])
    assert result.exit_code == 0, result.output
    markdown = result.stdout.split("## Rules, least followed first")[1]
    rows = [line for line in markdown.splitlines() if line.startswith("| `")]
    rates = {"typing.annotate-all": "25.0%", "tests.naming": "50.0%"}
    assert rows == [
        f"| `{rule}` | {rates.get(rule, '100.0%')} (4) |" for rule in RULES_BY_ATTENTION
    ]
    (configuration,) = _summary(tmp_path)["configurations"]
    rated = {
        rule: (entry["opportunities"], entry["compliant"], entry["rate"])
        for rule, entry in configuration["rules"].items()
        if entry["opportunities"]
    }
    counts = {"typing.annotate-all": (4, 1, 0.25), "tests.naming": (4, 2, 0.5)}
    assert list(rated.items()) == [
        (rule, counts.get(rule, (4, 4, 1.0))) for rule in sorted(RULES_BY_ATTENTION)
    ]
    assert configuration["rules"]["typing.annotate-all"]["ci95"] == [0.0456, 0.6994]


def test_report_tokens_and_wall_time_from_the_log(scripted: Runs, tmp_path: Path) -> None:
    _report([scripted.rules, "--out", tmp_path])
    (configuration,) = _summary(tmp_path)["configurations"]
    stats = read_eval_log(configuration["log"]).stats
    elapsed = datetime.fromisoformat(stats.completed_at) - datetime.fromisoformat(stats.started_at)
    assert elapsed.total_seconds() >= 1  # the model's delay
    assert configuration["wall_seconds"] == elapsed.total_seconds()
    assert (configuration["input_tokens"], configuration["output_tokens"]) == (
        EPOCHS * INPUT_TOKENS,
        EPOCHS * OUTPUT_TOKENS,
    )


def test_report_history_oldest_run_first_not_by_folder_name(scripted: Runs, tmp_path: Path) -> None:
    result = _report([scripted.root, "--out", tmp_path])
    history = _summary(tmp_path)["history"][NAME]
    assert [(point["run"], point["instruction_level"]) for point in history] == [
        ("c-baseline", 1.0),
        ("a-inside", 0.875),
        ("b-outside", 0.75),
    ]
    table = result.stdout.split("## History (instruction-level)")[1].strip().splitlines()
    assert table == [
        "| configuration | c-baseline | a-inside | b-outside |",
        "|---|---|---|---|",
        f"| {NAME} | 100.0% | 87.5% | 75.0% |",
    ]


def test_gate_comparing_nothing_fails(scripted: Runs, runs, tmp_path: Path) -> None:
    # the calibration runs share no configuration name with the scripted one
    result = _report([scripted.inside, "--out", tmp_path, "--baseline", runs.first])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[-1]
    assert first.startswith(
        "canon: regression gate FAILED: the baseline shares no configuration with these logs "
        "(baseline: "
    )
    gate = _summary(tmp_path)["gate"]
    assert (gate["passed"], gate["compared"], gate["regressions"]) == (False, [], [])
    assert "## Regression gate: FAILED: the baseline shares no configuration with these logs" in (
        (tmp_path / "summary.md").read_text(encoding="utf-8")
    )


def test_report_out_naming_a_file_or_a_symlinked_page_writes_nothing(
    scripted: Runs, tmp_path: Path
) -> None:
    a_file = tmp_path / "report.txt"
    a_file.write_text("mine\n")
    result = _report([scripted.inside, "--out", a_file])
    assert (result.exit_code, result.stderr) == (
        2,
        f"canon: {a_file}: the report folder is a file; name a folder\n",
    )
    assert a_file.read_text() == "mine\n"
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.md"
    victim.write_text("keep\n")
    (out / "summary.md").symlink_to(victim)
    linked = _report([scripted.inside, "--out", out])
    assert linked.exit_code == 2
    assert victim.read_text() == "keep\n"
    assert sorted(path.name for path in out.iterdir()) == ["summary.md"]
