"""The scorer's value shape: every rule key, applicability beside it, IFEval counts."""

from pathlib import Path

from pytest import fixture

from canon.evals.project import EvalProject
from canon.evals.scorer import score_code

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
    for rule in project.rules:
        expected[rule] = int(rule == "modules.max-length")
        expected[f"{rule}@applicable"] = int(rule in applicable)
    expected |= {
        "instruction_followed": 0,
        "instruction_applicable": 1,
        "prompt_strict": 0,
        "instruction_followed_loose": 0,
        "instruction_applicable_loose": 1,
        "prompt_loose": 0,
        "parsed": 1,
        "parsed_loose": 1,
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
