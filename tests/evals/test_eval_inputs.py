"""`canon eval` checks every input before work starts: one line, exit 2, nothing run or written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pytest import fixture, mark
from typer.testing import CliRunner

from canon.cli import app

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pytest import MonkeyPatch

ROOT = Path(__file__).resolve().parents[2]

ONE_CONFIGURATION = """\
epochs: 1
configurations:
  - name: {name}
    model: canon/reference
    instructions:
      target: copilot
      variant: {variant}
"""


@fixture(autouse=True)
def _in_project(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _eval(arguments: Sequence[str | Path]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["eval", "--quiet", *map(str, arguments)])
    return result.exit_code, result.stderr


def _config(tmp_path: Path, *, name: str = "one", variant: str = "full") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(ONE_CONFIGURATION.format(name=name, variant=variant))
    return path


def test_variant_naming_no_section_is_refused_at_its_position(tmp_path: Path):
    config = _config(tmp_path, variant="keep:nosuch")
    logs = tmp_path / "logs"
    code, stderr = _eval(["--config", config, "--log-dir", logs, "--report-dir", tmp_path / "r"])
    assert (code, stderr) == (
        2,
        f"canon: {config}:7:16: variant 'keep:nosuch': no section 'nosuch'\n",
    )
    assert not logs.exists()


@mark.parametrize(("option", "what"), [("--log-dir", "log"), ("--report-dir", "report")])
def test_log_or_report_folder_naming_a_file_is_refused_before_running(
    tmp_path: Path, option: str, what: str
):
    config = _config(tmp_path)
    a_file = tmp_path / "taken"
    a_file.write_text("mine\n")
    other = "--report-dir" if option == "--log-dir" else "--log-dir"
    code, stderr = _eval(["--config", config, option, a_file, other, tmp_path / "x"])
    assert (code, stderr) == (
        2,
        f"canon: {a_file}: the {what} folder is a file; name a folder\n",
    )
    assert a_file.read_text() == "mine\n"
    assert not (tmp_path / "x").exists()


def test_log_folder_of_another_configuration_is_refused_by_canon(tmp_path: Path):
    logs = tmp_path / "logs"
    first = _config(tmp_path, name="first")
    code, _ = _eval(
        ["--config", first, "--log-dir", logs, "--report-dir", tmp_path / "r1", "--limit", "1"]
    )
    assert code == 0
    second = _config(tmp_path, name="second")
    code, stderr = _eval(["--config", second, "--log-dir", logs, "--report-dir", tmp_path / "r2"])
    assert (code, stderr) == (
        2,
        f"canon: {logs}: holds logs of other configurations (first); an eval set resumes only "
        "its own: name a new --log-dir\n",
    )
    assert not (tmp_path / "r2").exists()


def test_report_folder_below_a_file_is_refused_before_running(tmp_path: Path):
    config = _config(tmp_path)
    a_file = tmp_path / "taken"
    a_file.write_text("mine\n")
    logs = tmp_path / "logs"
    code, stderr = _eval(["--config", config, "--log-dir", logs, "--report-dir", a_file / "r"])
    assert (code, stderr) == (
        2,
        f"canon: {a_file / 'r'}: the report folder cannot be made: {a_file} is a file\n",
    )
    assert not logs.exists()


def test_typical_calibration_samples_only_tasks_with_typical_expecting_labels() -> None:
    from canon.evals.project import EvalProject
    from canon.evals.task import samples

    bank = EvalProject(root=ROOT).bank
    typical = samples(bank, "typical")
    assert [sample.id for sample in typical] == [task.id for task in bank.tasks if task.typical]
    assert all(
        sample.metadata["expected"] == bank.get(str(sample.id)).typical_verdicts
        for sample in typical
    )
    legacy = samples(bank, "legacy")
    assert len(legacy) == len(bank.tasks)
    assert set(legacy[0].metadata["expected"].values()) == {"broken"}
    assert all(sample.metadata["expected"] == {} for sample in samples(bank))
