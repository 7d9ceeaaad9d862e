"""The bundled Python standard compiles back to the seed it was written from, byte for byte."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import mark

from canon.compiler.targets.copilot import Copilot
from canon.standards.loader import load_standard
from tests.conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

    from pytest import MonkeyPatch

    from tests.conftest import Run

GENERATED = REPO / ".github/instructions/python.instructions.md"
SEED = REPO.parent / "shared/seed/python.instructions.md"


def test_python_standard_renders_the_committed_file_byte_for_byte() -> None:
    standard = load_standard(REPO / "instructions/python")
    (output,) = Copilot().render(standard).outputs
    assert output.path.as_posix() == ".github/instructions/python.instructions.md"
    assert output.content.encode("utf-8") == GENERATED.read_bytes()


@mark.skipif(not SEED.exists(), reason="the shared seed is not beside this checkout")
def test_committed_file_is_the_seed_byte_for_byte() -> None:
    assert GENERATED.read_bytes() == SEED.read_bytes()


def test_compile_check_in_the_repository_is_clean(canon: Run, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = canon(["compile", "--check"])
    assert result.exit_code == 0, result.stdout
    assert "applyTo is written unquoted (**/*.py)" in result.stderr


def test_python_standard_rules_have_unique_meaningful_ids() -> None:
    rules = load_standard(REPO / "instructions/python").rules()
    ids = [rule.id for rule in rules]
    assert len(ids) == len(set(ids))
    assert len(rules) > 150
    assert all("." in rule_id and not rule_id.split(".")[-1].isdigit() for rule_id in ids)
    checked = [rule for rule in rules if rule.check]
    assert all(rule.examples.good and rule.examples.bad for rule in checked)


def test_python_standard_examples_parse(tmp_path: Path) -> None:
    from ast import parse

    for rule in load_standard(REPO / "instructions/python").rules():
        for snippet in (*rule.examples.good, *rule.examples.bad):
            parse(snippet, filename=rule.id)
