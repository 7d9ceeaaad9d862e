"""`canon eval` end to end, offline, through the real CLI."""

from __future__ import annotations

from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING

from orjson import loads
from pytest import MonkeyPatch, fixture
from typer.testing import CliRunner
from yaml import safe_load

from canon.cli import app

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from pytest import TempPathFactory

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


def _rule_ids(node: object) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        rule = node.get("rule")
        if isinstance(rule, dict) and "check" in rule:
            yield rule["id"], rule["check"]
        for child in node.values():
            yield from _rule_ids(child)
    elif isinstance(node, list):
        for child in node:
            yield from _rule_ids(child)


def _concerns() -> dict[str, list[str]]:
    """Each check's rules in the bundled standard's YAML, read from the files, by first rule."""
    files = sorted((ROOT / "instructions" / "python").glob("*.yaml"))
    by_check: dict[str, list[str]] = {}
    for path in files:
        for rule, check in _rule_ids(safe_load(path.read_text())):
            by_check.setdefault(check, []).append(rule)
    return {rules[0]: rules[1:] for rules in by_check.values()}


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
    assert (legacy["instruction_level"], legacy["prompt_level_strict"]) == (0.0, 0.0)
    assert (reference["calibration"], legacy["calibration"]) == (True, True)
    compiled = (ROOT / ".github" / "instructions" / "python.instructions.md").read_text()
    assert reference["instructions_tokens"] == -(-len(compiled) // 4)  # four characters a token
    assert legacy["instructions_tokens"] == 0
    # Same prompts; the reference's input also holds the instructions, once per sample.
    assert (
        reference["input_tokens"] == legacy["input_tokens"] + 6 * reference["instructions_tokens"]
    )
    assert "calibration-reference (calibration)" in stdout


def test_eval_default_calibrations_verdicts_as_labelled(
    default_run: tuple[Path, int, str],
) -> None:
    folder, _, _ = default_run
    summary = loads((folder / "report" / "summary.json").read_text())
    by_name = {item["name"]: item for item in summary["configurations"]}
    assert list(by_name) == ["calibration-reference", "calibration-legacy", "calibration-typical"]
    # Each calibration's verdicts equal the bank's labels: every rule followed, broken, or as
    # the typical solutions' labels say (in between).
    for entry in by_name.values():
        assert entry["calibration_verdicts"] == {
            "as_labelled": True,
            "labelled": 6,
            "off_labels": [],
        }
    assert 0.0 < by_name["calibration-typical"]["instruction_level"] < 1.0


def test_eval_default_summary_has_every_rule_with_interval(
    default_run: tuple[Path, int, str],
) -> None:
    folder, _, _ = default_run
    summary = loads((folder / "report" / "summary.json").read_text())
    rules = summary["configurations"][0]["rules"]
    # one row per concern: the first rule naming a check; the rules restating it are listed
    assert {rule: entry["restated_by"] for rule, entry in rules.items()} == _concerns()
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
    assert [item["scored"] for item in summary["configurations"]] == [6, 6, 6]


def test_eval_sample_metadata_records_instruction_hash(
    default_run: tuple[Path, int, str],
) -> None:
    from inspect_ai.log import read_eval_log

    folder, _, _ = default_run
    logs = [read_eval_log(str(path)) for path in (folder / "logs").glob("*.eval")]
    reference = next(log for log in logs if log.eval.task == "calibration-reference")
    sample = reference.samples[0]
    # What Copilot reads for a Python file: the compiled file, byte for byte.
    compiled = (ROOT / ".github" / "instructions" / "python.instructions.md").read_bytes()
    text = compiled.decode("utf-8")
    assert sample.metadata["instructions_sha256"] == sha256(compiled).hexdigest()
    assert sample.metadata["instructions_files"] == [".github/instructions/python.instructions.md"]
    assert sample.metadata["instructions_chars"] == len(text)
    assert sample.metadata["instructions_tokens"] == -(-len(text) // 4)  # four characters a token
    system = sample.messages[0]
    assert (system.role, system.text) == ("system", text)


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
    # Two tasks with a public API, twice each: every epoch is an opportunity of its own.
    dunder_all = reference["rules"]["modules.dunder-all"]
    assert (dunder_all["opportunities"], dunder_all["compliant"]) == (4, 4)


def test_cli_import_keeps_inspect_out() -> None:
    from subprocess import run
    from sys import executable

    code = "import sys, canon.cli, canon.compiler.project; sys.exit('inspect_ai' in sys.modules)"
    assert run([executable, "-c", code], check=False).returncode == 0
