"""`canon eval` end to end, offline, through the real CLI."""

from collections.abc import Sequence
from pathlib import Path

from orjson import loads
from pytest import MonkeyPatch, TempPathFactory, fixture
from typer.testing import CliRunner

from canon.cli import app

ROOT = Path(__file__).resolve().parents[2]


def _eval(tmp_path: Path, options: Sequence[str]) -> tuple[int, str, str]:
    runner = CliRunner()
    arguments = [
        "eval",
        "--log-dir",
        str(tmp_path / "logs"),
        "--report-dir",
        str(tmp_path / "report"),
        "--quiet",
        *options,
    ]
    result = runner.invoke(app, arguments)
    return result.exit_code, result.stdout, result.stderr


@fixture(autouse=True)
def _in_project(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@fixture(scope="module")
def default_run(tmp_path_factory: TempPathFactory) -> tuple[Path, int, str]:
    folder = tmp_path_factory.mktemp("default")
    with MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        code, stdout, _ = _eval(folder, ["--limit", "6"])
    return folder, code, stdout


def test_eval_default_calibration_discriminates(default_run: tuple[Path, int, str]) -> None:
    folder, code, stdout = default_run
    assert code == 0
    summary = loads((folder / "report" / "summary.json").read_text())
    by_name = {item["name"]: item for item in summary["configurations"]}
    reference = by_name["calibration-reference"]
    legacy = by_name["calibration-legacy"]
    assert (reference["samples"], reference["scored"]) == (6, 6)
    assert reference["prompt_level_strict"] == 1.0
    assert reference["instruction_level"] == 1.0
    assert legacy["instruction_level"] <= 0.05
    assert reference["calibration"] is True
    assert reference["input_tokens"] > 0
    assert reference["instructions_tokens"] > 1000
    assert legacy["instructions_tokens"] == 0
    assert "calibration-reference (calibration)" in stdout


def test_eval_default_summary_has_every_rule_with_interval(
    default_run: tuple[Path, int, str],
) -> None:
    folder, _, _ = default_run
    summary = loads((folder / "report" / "summary.json").read_text())
    rules = summary["configurations"][0]["rules"]
    assert len(rules) >= 70
    applicable = [entry for entry in rules.values() if entry["opportunities"]]
    assert applicable
    for entry in applicable:
        low, high = entry["ci95"]
        assert 0.0 <= low <= entry["rate"] <= high <= 1.0
    markdown = (folder / "report" / "summary.md").read_text()
    assert "| calibration-legacy (calibration) |" in markdown


def test_eval_rerun_same_log_dir_resumes_without_double_counting(
    default_run: tuple[Path, int, str],
) -> None:
    folder, _, _ = default_run
    logs_before = sorted(path.name for path in (folder / "logs").glob("*.eval"))
    code, _, _ = _eval(folder, ["--limit", "6"])
    assert code == 0
    assert sorted(path.name for path in (folder / "logs").glob("*.eval")) == logs_before
    summary = loads((folder / "report" / "summary.json").read_text())
    assert [item["scored"] for item in summary["configurations"]] == [6, 6]


def test_eval_sample_metadata_records_instruction_hash(
    default_run: tuple[Path, int, str],
) -> None:
    from inspect_ai.log import read_eval_log

    folder, _, _ = default_run
    logs = [read_eval_log(str(path)) for path in (folder / "logs").glob("*.eval")]
    reference = next(log for log in logs if log.eval.task == "calibration-reference")
    sample = reference.samples[0]
    assert len(sample.metadata["instructions_sha256"]) == 64
    assert sample.metadata["instructions_files"] == [".github/instructions/python.instructions.md"]
    assert sample.metadata["instructions_chars"] > 1000
    assert sample.metadata["instructions_tokens"] * 4 >= sample.metadata["instructions_chars"]
    system = sample.messages[0]
    assert system.role == "system"
    assert "{variable=}" in system.text


def test_eval_model_option_replaces_models_keeping_instructions(tmp_path: Path) -> None:
    code, _, _ = _eval(tmp_path, ["--limit", "2", "--model", "canon/reference"])
    assert code == 0
    summary = loads((tmp_path / "report" / "summary.json").read_text())
    assert [(item["model"], item["instructions"]) for item in summary["configurations"]] == [
        ("canon/reference", "copilot:full"),
        ("canon/reference", "none"),
    ]
    assert all(item["prompt_level_strict"] == 1.0 for item in summary["configurations"])


def test_eval_unknown_model_provider_exits_2(tmp_path: Path) -> None:
    code, _, stderr = _eval(tmp_path, ["--model", "nosuchprovider/model-x"])
    assert code == 2
    assert "nosuchprovider/model-x" in stderr
    assert not (tmp_path / "report").exists()


def test_eval_missing_api_key_exits_2(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    code, _, stderr = _eval(tmp_path, ["--model", "openai/gpt-4.1-mini"])
    assert code == 2
    assert stderr.startswith("canon: ")
    assert len(stderr.strip().splitlines()) == 1


def test_eval_unknown_variant_in_config_exits_2_with_position(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text(
        "configurations:\n"
        "  - name: x\n"
        "    model: canon/reference\n"
        "    instructions: {target: copilot, variant: tiny}\n",
        encoding="utf-8",
    )
    code, _, stderr = _eval(tmp_path, ["--config", str(config)])
    assert code == 2
    assert f"{config}:4:" in stderr or "bad.yaml:4:" in stderr
    assert "unknown variant" in stderr


def test_eval_epochs_count_every_epoch(tmp_path: Path) -> None:
    code, _, _ = _eval(tmp_path, ["--limit", "2", "--epochs", "2"])
    assert code == 0
    summary = loads((tmp_path / "report" / "summary.json").read_text())
    reference = summary["configurations"][0]
    assert (reference["epochs"], reference["samples"], reference["scored"]) == (2, 4, 4)
    assert reference["rules"]["modules.dunder-all"]["opportunities"] in {2, 4}


def test_cli_import_keeps_inspect_out() -> None:
    from subprocess import run
    from sys import executable

    code = "import sys, canon.cli, canon.compiler.project; sys.exit('inspect_ai' in sys.modules)"
    assert run([executable, "-c", code], check=False).returncode == 0
