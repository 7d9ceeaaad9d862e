"""`canon eval` against a real OpenAI-compatible server on loopback that injects faults."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from orjson import loads
from pytest import fixture
from typer.testing import CliRunner

from canon.cli import app
from canon.evals.project import EvalProject
from canon.evals.solver import with_contract

from .fake_openai import FaultyOpenAI, serve

if TYPE_CHECKING:
    from pytest import MonkeyPatch
    from typer.testing import Result

ROOT = Path(__file__).resolve().parents[2]


@fixture
def answers() -> dict[str, str]:
    bank = EvalProject(root=ROOT).bank
    return {
        with_contract(task.prompt, task.path).strip(): f"Sure:\n\n```python\n{task.reference}```\n"
        for task in bank.tasks
    }


def _eval_with_server(
    tmp_path: Path, monkeypatch: MonkeyPatch, state: FaultyOpenAI, *, server: str, limit: int
) -> Result:
    """Run `canon eval` with `tmp_path/local.yaml` against `state` served as `server`."""
    monkeypatch.chdir(ROOT)
    with serve(state) as base_url:
        monkeypatch.setenv(f"{server}_BASE_URL", base_url)
        monkeypatch.setenv(f"{server}_API_KEY", "test-key")
        result = CliRunner().invoke(
            app,
            [
                "eval",
                "--config",
                str(tmp_path / "local.yaml"),
                "--limit",
                str(limit),
                "--log-dir",
                str(tmp_path / "logs"),
                "--report-dir",
                str(tmp_path / "report"),
                "--quiet",
            ],
        )
    return result


def _configuration(tmp_path: Path) -> dict[str, object]:
    """The one configuration of the run's `summary.json`."""
    summary = loads((tmp_path / "report" / "summary.json").read_text())
    (configuration,) = summary["configurations"]
    return configuration


def test_eval_openai_compatible_server_with_faults_scores_every_sample(
    tmp_path: Path, monkeypatch: MonkeyPatch, answers: dict[str, str]
) -> None:
    state = FaultyOpenAI(lambda prompt: answers.get(prompt.strip(), "no idea"), slow_seconds=1.0)
    (tmp_path / "local.yaml").write_text(
        "test_timeout: 20\n"
        "configurations:\n"
        "  - name: local-full\n"
        "    model: openai-api/fakeserver/coder-7b\n"
        "    instructions: {target: copilot, variant: full}\n"
        "    generate: {max_retries: 6, timeout: 20}\n",
        encoding="utf-8",
    )
    result = _eval_with_server(tmp_path, monkeypatch, state, server="FAKESERVER", limit=4)
    assert result.exit_code == 0, result.output
    configuration = _configuration(tmp_path)
    assert (configuration["samples"], configuration["scored"]) == (4, 4)
    assert configuration["prompt_level_strict"] == 1.0
    assert state.faults["500"] == 4
    assert state.faults["429"] == 4
    assert state.faults["slow"] == 4


def test_eval_server_always_failing_exits_1_and_reports_incomplete(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    state = FaultyOpenAI(lambda prompt: "unused", broken=True)
    (tmp_path / "local.yaml").write_text(
        "retry_attempts: 0\n"
        "sample_retries: 0\n"
        "configurations:\n"
        "  - name: local-broken\n"
        "    model: openai-api/brokenserver/coder-7b\n"
        "    instructions: none\n"
        "    generate: {max_retries: 1, timeout: 5}\n",
        encoding="utf-8",
    )
    result = _eval_with_server(tmp_path, monkeypatch, state, server="BROKENSERVER", limit=1)
    assert result.exit_code == 1, result.output
    configuration = _configuration(tmp_path)
    assert (configuration["samples"], configuration["scored"]) == (1, 0)
    assert configuration["status"] == "error"
    assert "did not complete" in result.stderr
