"""Loading the task bank: positions on every error, through the real CLI."""

from __future__ import annotations

from pathlib import Path
from shutil import copytree
from typing import TYPE_CHECKING

from pytest import raises
from typer.testing import CliRunner

from canon.cli import app
from canon.errors import InputError
from canon.evals.bank import load_bank

if TYPE_CHECKING:
    from pytest import MonkeyPatch

ROOT = Path(__file__).resolve().parents[2]
RULES = {"typing.union-operator": "union-operator", "modern.pathlib": "pathlib"}

TASK = """id: {id}
prompt: Write a function that returns the user's name or None when it is unknown.
path: src/app/names.py
exercises:
  - typing.union-operator
  - {rule}
reference: "def name(user: dict[str, str]) -> str | None:\\n    return user.get('name')\\n"
legacy: "def name(user):\\n    return user.get('name')\\n"
"""


def _write(folder: Path, task_id: str, rule: str = "modern.pathlib") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{task_id}.yaml"
    path.write_text(TASK.format(id=task_id, rule=rule), encoding="utf-8")
    return path


def test_load_bank_valid_task_loads(tmp_path: Path) -> None:
    _write(tmp_path / "tasks", "names")
    bank = load_bank(tmp_path / "tasks", rules=RULES)
    assert [task.id for task in bank.tasks] == ["names"]
    assert bank.tasks[0].module == "names"


def test_load_bank_unknown_rule_names_file_line_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks", "names", rule="modern.pathlb")
    with raises(InputError) as info:
        load_bank(tmp_path / "tasks", rules=RULES)
    assert info.value.position is not None
    assert (info.value.position.path, info.value.position.line) == (path, 6)
    assert "unknown rule 'modern.pathlb'" in info.value.message
    assert "did you mean 'modern.pathlib'" in info.value.message


def test_load_bank_id_not_matching_file_name_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks", "names")
    path.rename(tmp_path / "tasks" / "other.yaml")
    with raises(InputError, match="must match its file name"):
        load_bank(tmp_path / "tasks", rules=RULES)


def test_load_bank_unknown_key_is_an_error_with_position(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks", "names")
    path.write_text(path.read_text() + "solution: x\n", encoding="utf-8")
    with raises(InputError) as info:
        load_bank(tmp_path / "tasks", rules=RULES)
    assert info.value.position.line == 9
    assert "unknown key 'solution'" in info.value.message


TYPICAL = "typical: \"def name(user):\\n    return user.get('name')\\n\"\n"


def _with_typical(path: Path, verdicts: str) -> None:
    path.write_text(path.read_text() + verdicts, encoding="utf-8")


def test_load_bank_typical_with_every_verdict_loads(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks", "names")
    verdicts = "typical_verdicts:\n  typical.union-operator: broken\n  modern.pathlib: na\n"
    _with_typical(path, TYPICAL + verdicts.replace("typical.union", "typing.union"))
    task = load_bank(tmp_path / "tasks", rules=RULES).tasks[0]
    assert task.typical_verdicts == {"typing.union-operator": "broken", "modern.pathlib": "na"}
    assert task.expected_verdicts("typical") == task.typical_verdicts
    assert task.expected_verdicts("legacy") == dict.fromkeys(task.exercises, "broken")


def test_load_bank_typical_without_verdicts_is_an_error_at_the_key(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks", "names")
    _with_typical(path, TYPICAL)
    with raises(InputError) as info:
        load_bank(tmp_path / "tasks", rules=RULES)
    assert (info.value.position.line, info.value.position.column) == (9, 1)
    assert info.value.message == "'typical' needs 'typical_verdicts'"


def test_load_bank_verdict_for_unexercised_rule_is_an_error_at_its_key(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks", "names")
    verdicts = (
        "typical_verdicts:\n  typing.union-operator: broken\n  modern.pathlib: na\n"
        "  deprecated.optional: broken\n"
    )
    _with_typical(path, TYPICAL + verdicts)
    with raises(InputError) as info:
        load_bank(tmp_path / "tasks", rules=RULES)
    assert (info.value.position.line, info.value.position.column) == (13, 3)
    assert "'deprecated.optional', which the task does not exercise" in info.value.message


def test_load_bank_exercised_rule_without_verdict_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks", "names")
    _with_typical(path, TYPICAL + "typical_verdicts:\n  typing.union-operator: followed\n")
    with raises(InputError) as info:
        load_bank(tmp_path / "tasks", rules=RULES)
    assert (info.value.position.line, info.value.position.column) == (10, 1)
    assert info.value.message == "no verdict for exercised rule(s) modern.pathlib"


def test_load_bank_unknown_verdict_is_an_error_with_position(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks", "names")
    verdicts = "typical_verdicts:\n  typing.union-operator: passed\n  modern.pathlib: na\n"
    _with_typical(path, TYPICAL + verdicts)
    with raises(InputError) as info:
        load_bank(tmp_path / "tasks", rules=RULES)
    assert info.value.position.line == 11


def test_load_bank_same_prompt_twice_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path / "tasks", "names")
    _write(tmp_path / "tasks", "names-again")
    with raises(InputError, match="same prompt as task 'names-again'"):
        load_bank(tmp_path / "tasks", rules=RULES)


def test_eval_bad_task_exits_2_with_one_line(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    copytree(ROOT / "instructions", tmp_path / "instructions")
    copytree(ROOT / "evals", tmp_path / "evals")
    _write(tmp_path / "tasks", "names", rule="no.such-rule")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["eval", "--quiet"])
    assert result.exit_code == 2
    assert result.stderr == (
        "canon: tasks/names.yaml:6:5: unknown rule 'no.such-rule', or a rule without a check\n"
    )
    assert not (tmp_path / "logs").exists()
