"""The bank tests itself: references follow, legacy solutions break, references pass tests."""

from collections import Counter
from pathlib import Path

from pytest import mark

from canon.checks import check_source
from canon.evals.functional import run_tests
from canon.evals.project import EvalProject

ROOT = Path(__file__).resolve().parents[2]
BANK = EvalProject(root=ROOT).bank
TASK_IDS = [task.id for task in BANK.tasks]


def _tally(source: str, project: EvalProject, path: str) -> dict[str, tuple[int, int]]:
    result = check_source(source, path=path, select=frozenset(project.rules.values()))
    assert result.syntax_error is None, result.syntax_error
    return {check: (tally.opportunities, tally.violations) for check, tally in result.tally.items()}


def test_bank_size_at_least_sixty_tasks() -> None:
    assert len(BANK.tasks) >= 60


def test_bank_every_checked_rule_exercised_by_five_tasks(project: EvalProject) -> None:
    counts = Counter(rule for task in BANK.tasks for rule in task.exercises)
    thin = {rule: counts[rule] for rule in project.rules if counts[rule] < 5}
    assert thin == {}


@mark.parametrize("task_id", TASK_IDS)
def test_bank_reference_every_exercised_rule_applies_and_is_followed(
    task_id: str, project: EvalProject
) -> None:
    task = BANK.get(task_id)
    tally = _tally(task.reference, project, task.path)
    broken = {
        rule: tally[project.rules[rule]]
        for rule in task.exercises
        if tally[project.rules[rule]][0] == 0 or tally[project.rules[rule]][1] > 0
    }
    assert broken == {}


@mark.parametrize("task_id", TASK_IDS)
def test_bank_reference_whole_standard_has_no_findings(task_id: str, project: EvalProject) -> None:
    # References are the model answers a reviewer reads: they follow every checked rule, not
    # only the ones their task exercises.
    task = BANK.get(task_id)
    result = check_source(task.reference, path=task.path, select=frozenset(project.rules.values()))
    findings = [f"{f.line}:{f.column}: {f.check} {f.message}" for f in result.findings]
    assert findings == []


@mark.parametrize("task_id", TASK_IDS)
def test_bank_legacy_every_exercised_rule_is_violated(task_id: str, project: EvalProject) -> None:
    task = BANK.get(task_id)
    tally = _tally(task.legacy, project, task.path)
    kept = [rule for rule in task.exercises if tally[project.rules[rule]][1] == 0]
    assert kept == []


@mark.asyncio
@mark.parametrize("task_id", [task.id for task in BANK.tasks if task.tests])
async def test_bank_reference_passes_its_tests(task_id: str) -> None:
    task = BANK.get(task_id)
    result = await run_tests(code=task.reference, tests=task.tests, module=task.module)
    assert result.passed, result.output
