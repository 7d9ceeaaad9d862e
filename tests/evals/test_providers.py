"""The calibration providers answer with the bank's solutions, `canon/typical` only where one is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from inspect_ai.model import ChatMessageUser, GenerateConfig
from pytest import mark, raises

from canon.evals.project import EvalProject
from canon.evals.providers import CALIBRATION_MODELS, CalibrationAPI
from canon.evals.solver import with_contract

if TYPE_CHECKING:
    from canon.evals.bank import Task

ROOT = Path(__file__).resolve().parents[2]
BANK = EvalProject(root=ROOT).bank


async def _answer(solution: str, task: Task) -> str:
    """The provider's answer to the task's prompt as the solver sends it (with the contract)."""
    api = CalibrationAPI(solution, tasks_dir=str(ROOT / "tasks"))
    message = ChatMessageUser(content=with_contract(task.prompt, task.path))
    output = await api.generate([message], [], "none", GenerateConfig())
    return output.completion


def test_calibration_models_three_solutions() -> None:
    assert CALIBRATION_MODELS == ("canon/reference", "canon/legacy", "canon/typical")


@mark.asyncio
async def test_typical_provider_answers_with_the_typical_solution() -> None:
    task = next(task for task in BANK.tasks if task.typical)
    assert f"```python\n{task.typical.rstrip()}\n```" in await _answer("typical", task)


@mark.asyncio
async def test_typical_provider_without_typical_has_no_answer() -> None:
    task = next(task for task in BANK.tasks if not task.typical)
    assert await _answer("typical", task) == "I have no calibration answer for this prompt."
    assert task.reference.rstrip() in await _answer("reference", task)


def test_unknown_solution_is_refused() -> None:
    with raises(ValueError, match="canon/ideal is not a calibration provider"):
        CalibrationAPI("ideal", tasks_dir=str(ROOT / "tasks"))


@mark.asyncio
async def test_provider_does_not_answer_the_bare_prompt() -> None:
    # it recognises the prompt as the model receives it, output contract included
    task = BANK.tasks[0]
    api = CalibrationAPI("reference", tasks_dir=str(ROOT / "tasks"))
    message = ChatMessageUser(content=task.prompt)
    output = await api.generate([message], [], "none", GenerateConfig())
    assert output.completion == "I have no calibration answer for this prompt."
