"""What `canon eval` prints and what its logs name, pinned on real offline runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspect_ai.log import list_eval_logs, read_eval_log

from canon.reports.analysis import configuration_stats, latest_by_name
from canon.reports.logs import read_logs
from canon.reports.table import text_table

from .conftest import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from pytest import MonkeyPatch

    from .conftest import Runs

TABLE = """\
configuration                model            instructions                 scored  instruction-level  prompt-level strict  parse rate  functional
legacy-none (calibration)    canon/legacy     none                         6/6     0.000              0.000                1.000       -
ref-full (calibration)       canon/reference  copilot:full                 6/6     1.000              1.000                1.000       -
ref-no-typing (calibration)  canon/reference  copilot:full-without:typing  6/6     1.000              1.000                1.000       -
ref-none (calibration)       canon/reference  none                         6/6     1.000              1.000                1.000       -
"""  # noqa: E501 - the table is as wide as the terminal shows it


def test_text_table_of_a_run_is_summary_json_figures(runs: Runs) -> None:
    stats = [configuration_stats(log) for log in latest_by_name(read_logs([runs.second]))]
    assert text_table(stats) == TABLE


def test_logs_name_the_scorer_metrics_as_before(runs: Runs) -> None:
    info = list_eval_logs(str(runs.second))[0]
    log = read_eval_log(info, header_only=True)
    assert log.results is not None
    assert [score.name for score in log.results.scores] == ["canon_scorer"]
    metrics = log.results.scores[0].metrics
    assert [(key, metric.name) for key, metric in metrics.items()] == [
        ("instruction_level", "canon/instruction_level"),
        ("prompt_level_strict", "canon/prompt_level_strict"),
        ("instruction_level_loose", "canon/instruction_level_loose"),
        ("prompt_level_loose", "canon/prompt_level_loose"),
        ("parse_rate", "canon/parse_rate"),
        ("avoided_rate", "canon/avoided_rate"),
        ("functional_pass_rate", "canon/functional_pass_rate"),
        ("incidental_findings", "canon/incidental_findings"),
        ("check_errors", "canon/check_errors"),
    ]


def test_inspect_finds_the_one_task_in_evals_canon_eval(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    from inspect_ai import eval as inspect_eval

    from canon.evals.project import EvalProject

    first = next(task.id for task in EvalProject(root=ROOT).bank.tasks if not task.tests)
    monkeypatch.chdir(ROOT)
    (log,) = inspect_eval(
        "evals/canon_eval.py",
        model="canon/reference",
        sample_id=first,
        log_dir=str(tmp_path),
        display="none",
        log_level="warning",
    )
    assert (log.status, log.eval.task) == ("success", "canon_eval")
    assert log.results is not None
    assert log.results.scores[0].metrics["prompt_level_strict"].value == 1.0
