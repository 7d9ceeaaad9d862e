"""The scorer's value shape: every rule key, applicability beside it, IFEval counts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pytest import fixture

from canon.checks.rules.dunder_all import DunderAll
from canon.evals.contract import concerns
from canon.evals.project import EvalProject
from canon.evals.scorer import score_code

if TYPE_CHECKING:
    from pytest import MonkeyPatch

ROOT = Path(__file__).resolve().parents[2]


@fixture(scope="module")
def project() -> EvalProject:
    return EvalProject(root=ROOT)


def _score(project: EvalProject, answer: str, task_id: str = "toml-config-loader") -> dict:
    task = project.bank.get(task_id)
    metadata = {"exercises": list(task.exercises), "path": task.path}
    return score_code(answer, rules=project.rules, metadata=metadata)


def test_score_code_reference_follows_every_exercised_rule(project: EvalProject) -> None:
    task = project.bank.get("toml-config-loader")
    score = _score(project, f"```python\n{task.reference}```")
    value = score.value
    # twelve exercised rules state six concerns (checks): tomllib (3 rules), pathlib (2),
    # raise-from, union-operator (3), dataclass options (2), dunder-all; each counts once
    assert len(task.exercises) == 12
    assert value["instruction_followed"] == value["instruction_applicable"] == 6
    assert (value["prompt_strict"], value["parsed"]) == (1, 1)
    assert score.metadata["extraction"] == "strict"


def test_score_code_every_rule_key_exact_for_a_one_line_module(project: EvalProject) -> None:
    # `x = 1` as src/service/config.py: a public name without `__all__` (dunder-all broken,
    # targeted), a short module (max-length followed, not targeted), no module docstring
    # (public-api broken, not targeted: the one incidental finding); no other rule applies.
    value = _score(project, "```python\nx = 1\n```").value
    applicable = {"modules.dunder-all", "modules.max-length", "docs.public-api"}
    expected = {}
    for rule in concerns(project.rules):
        expected[rule] = int(rule == "modules.max-length")
        expected[f"{rule}@applicable"] = int(rule in applicable)
        expected[f"{rule}@avoided"] = 0
    expected |= {
        "instruction_followed": 0,
        "instruction_applicable": 1,
        "prompt_strict": 0,
        "instruction_followed_loose": 0,
        "instruction_applicable_loose": 1,
        "prompt_loose": 0,
        "parsed": 1,
        "parsed_loose": 1,
        "required": 0,
        "avoided": 0,
        "check_errors": 0,
        "functional": 0,
        "functional@applicable": 0,
        "incidental": 1,
    }
    assert value == expected


def test_score_code_legacy_breaks_exercised_rules(project: EvalProject) -> None:
    task = project.bank.get("toml-config-loader")
    score = _score(project, f"```python\n{task.legacy}```")
    assert score.value["instruction_followed"] == 0
    assert score.value["prompt_strict"] == 0
    # each broken concern is named once, by the first exercised rule stating it
    assert score.metadata["violated"] == [
        "modern.tomllib",
        "modern.pathlib",
        "exceptions.raise-from",
        "typing.union-operator",
        "modern.dataclass-options",
        "modules.dunder-all",
    ]


def test_score_code_unparseable_counts_exercised_as_broken(project: EvalProject) -> None:
    value = _score(project, "```python\ndef broken(:\n```").value
    assert value["parsed"] == 0
    assert value["instruction_applicable"] == 6  # one per concern, as above
    assert value["instruction_followed"] == 0


def test_score_code_unfenced_answer_passes_loose_only(project: EvalProject) -> None:
    task = project.bank.get("toml-config-loader")
    score = _score(project, f"Here it is:\n\n{task.reference}\nHope this helps.")
    assert (score.value["parsed"], score.value["prompt_strict"]) == (0, 0)
    assert (score.value["parsed_loose"], score.value["prompt_loose"]) == (1, 1)


def test_score_code_values_are_numbers_only(project: EvalProject) -> None:
    value = _score(project, "no code at all").value
    assert all(type(entry) is int for entry in value.values())


def test_score_code_broken_block_then_loose_code_records_both(project: EvalProject) -> None:
    answer = "```python\ndef broken(:\n```\n\nAnd also:\n\nx = 1\n"
    score = _score(project, answer)
    assert (score.value["parsed"], score.value["parsed_loose"]) == (0, 1)
    assert score.metadata["extraction"] == "loose"
    assert score.metadata["syntax_error"] == {
        "check": "syntax",
        "line": 1,
        "column": 12,
        "message": "syntax error: invalid syntax",
    }


def test_score_code_unfenced_findings_come_from_the_loose_code(project: EvalProject) -> None:
    score = _score(project, "Sure:\n\nx = 1\n")
    assert (score.metadata["extraction"], score.metadata["syntax_error"]) == ("loose", None)
    assert score.metadata["findings"] == [
        {"check": "docstrings", "line": 1, "column": 1, "message": "module has no docstring"},
        {
            "check": "dunder-all",
            "line": 1,
            "column": 1,
            "message": "public names (x...) but no `__all__`; declare the API",
        },
    ]
    assert (score.value["instruction_applicable_loose"], score.value["prompt_loose"]) == (1, 0)


_NO_CLASS = '__all__ = ["total"]\n\n\ndef total() -> int:\n    return 1\n'
_CLASS_TASK = {
    "exercises": ["classes.repr", "modules.dunder-all"],
    "requires": ["classes.repr"],
    "path": "src/shop/totals.py",
}


def test_score_code_required_concern_without_opportunity_is_avoided(project: EvalProject) -> None:
    score = score_code(f"```python\n{_NO_CLASS}```", rules=project.rules, metadata=_CLASS_TASK)
    value = score.value
    # the class the task needs was never written: avoided, not "not applicable"
    assert (value["classes.repr"], value["classes.repr@applicable"]) == (0, 0)
    assert value["classes.repr@avoided"] == 1
    assert (value["required"], value["avoided"]) == (1, 1)
    assert (value["instruction_followed"], value["instruction_applicable"]) == (1, 2)
    assert (value["prompt_strict"], value["prompt_loose"]) == (0, 0)
    assert (score.metadata["avoided"], score.metadata["not_applicable"]) == (["classes.repr"], [])


def test_score_code_unrequired_concern_without_opportunity_not_applicable(
    project: EvalProject,
) -> None:
    metadata = _CLASS_TASK | {"requires": []}
    score = score_code(f"```python\n{_NO_CLASS}```", rules=project.rules, metadata=metadata)
    assert score.value["classes.repr@avoided"] == 0
    assert (score.value["instruction_followed"], score.value["instruction_applicable"]) == (1, 1)
    assert score.value["prompt_strict"] == 1
    assert score.metadata["not_applicable"] == ["classes.repr"]


def test_score_code_check_that_raises_is_an_error_not_not_applicable(
    project: EvalProject, monkeypatch: MonkeyPatch
) -> None:
    def explode(self: DunderAll, node: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(DunderAll, "visit_Module", explode)
    score = score_code(f"```python\n{_NO_CLASS}```", rules=project.rules, metadata=_CLASS_TASK)
    value = score.value
    assert value["check_errors"] == 1
    assert (value["modules.dunder-all"], value["modules.dunder-all@applicable"]) == (0, 1)
    # one concern avoided, one unproven: neither is followed
    assert (value["instruction_followed"], value["instruction_applicable"]) == (0, 2)
    assert value["prompt_strict"] == 0
    assert score.metadata["errored"] == ["modules.dunder-all"]
    assert "check raised: modules.dunder-all" in score.explanation


def test_score_code_per_rule_keys_count_unparsed_code_as_broken(project: EvalProject) -> None:
    value = score_code(
        "```python\ndef total(:\n```", rules=project.rules, metadata=_CLASS_TASK
    ).value
    # exercised concerns: applicable and broken, as in the instruction level
    assert (value["classes.repr"], value["classes.repr@applicable"]) == (0, 1)
    assert (value["modules.dunder-all"], value["modules.dunder-all@applicable"]) == (0, 1)
    assert (value["instruction_followed"], value["instruction_applicable"]) == (0, 2)
    # a concern the task does not exercise is not applicable
    assert value["typing.union-operator@applicable"] == 0
    assert value["avoided"] == 0


def test_score_code_checks_only_the_standards_rules() -> None:
    # a team standard with one checked rule: other checks never run, nothing is incidental
    code = "from typing import Optional\n\n\ndef f(x: Optional[int]):\n    return '%s' % x\n"
    rules = {"team.no-optional": "union-operator"}
    metadata = {"exercises": ["team.no-optional"], "path": "src/app/f.py"}
    score = score_code(f"```python\n{code}```", rules=rules, metadata=metadata)
    assert score.value == {
        "team.no-optional": 0,
        "team.no-optional@applicable": 1,
        "team.no-optional@avoided": 0,
        "required": 0,
        "check_errors": 0,
        "instruction_followed": 0,
        "instruction_applicable": 1,
        "prompt_strict": 0,
        "instruction_followed_loose": 0,
        "instruction_applicable_loose": 1,
        "prompt_loose": 0,
        "parsed": 1,
        "parsed_loose": 1,
        "avoided": 0,
        "functional": 0,
        "functional@applicable": 0,
        "incidental": 0,
    }
    assert [finding["check"] for finding in score.metadata["findings"]] == ["union-operator"]
