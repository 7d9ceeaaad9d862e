"""The task bank: `tasks/*.yaml`, one coding task per file, validated with positions.

A task asks for one file (`path`), names the rules it gives a model an opportunity to follow or
break (`exercises`), and carries two solutions: `reference` follows every exercised rule,
`legacy` (plausible pre-3.10 code) breaks each of them. Optional `tests` is pytest code that
imports the solution as a module named after `path`'s file name. Optional `typical` is what a
capable model writes without the standard (some rules followed, some broken), with
`typical_verdicts` labelling every exercised rule `followed`, `broken` or `na` (the rule's
concern does not arise in that code): the third calibration, with known partial scores.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from canon.errors import InputError, Position
from canon.standards.validation import validate_located
from canon.standards.yamlpos import read_yaml

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from canon.standards.yamlpos import Located

__all__ = ["SOLUTIONS", "Task", "TaskBank", "Verdict", "load_bank", "module_name"]

TASK_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SOLUTIONS = ("reference", "legacy", "typical")
"""The solutions a task carries, each answered by the calibration provider of that name."""

type Verdict = Literal["followed", "broken", "na"]


def _relative_python_path(value: str) -> str:
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or path.suffix != ".py":
        message = "must be a relative path to a .py file, without '..'"
        raise ValueError(message)
    if not path.stem.isidentifier():
        raise ValueError("the file name must be a valid Python module name")
    return value


class Task(BaseModel):
    """One coding request of the bank.

    Attributes:
        id: Stable identifier; the file is `tasks/<id>.yaml`.
        prompt: What the user asks the assistant for, as they would ask it.
        path: The file being written; decides which instruction files apply.
        exercises: Rule ids the task gives an opportunity to follow or break.
        requires: The exercised rules whose concern every correct solution meets (the
            concern arises whatever form the code takes): an answer giving one of them no
            opportunity avoided it, which fails the sample.
        reference: A solution following every exercised rule.
        legacy: A plausible pre-3.10 solution breaking every exercised rule.
        tests: Optional pytest code importing the solution as `module_name(path)`.
        typical: Optional code a capable model writes without the standard.
        typical_verdicts: The verdict `typical` earns on every exercised rule; present
            exactly when `typical` is.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(pattern=TASK_ID_PATTERN)]
    prompt: Annotated[str, Field(min_length=20)]
    path: Annotated[str, AfterValidator(_relative_python_path)]
    exercises: Annotated[tuple[str, ...], Field(min_length=1)]
    requires: tuple[str, ...] = ()
    reference: Annotated[str, Field(min_length=1)]
    legacy: Annotated[str, Field(min_length=1)]
    tests: str = ""
    typical: str = ""
    typical_verdicts: dict[str, Verdict] = {}

    @property
    def module(self) -> str:
        """The module name the tests import the solution as.

        Returns:
            The file name of `path` without `.py`.
        """
        return module_name(self.path)

    def solution(self, name: str) -> str:
        """One of the task's solutions.

        Args:
            name: `reference`, `legacy` or `typical`.

        Returns:
            The solution's code; "" for a task without a typical solution.
        """
        return getattr(self, name) if name in SOLUTIONS else ""

    def expected_verdicts(self, name: str) -> dict[str, Verdict]:
        """The verdict canon should give a solution on each exercised rule.

        Args:
            name: `reference`, `legacy` or `typical`.

        Returns:
            Rule id to verdict: every rule followed by the reference, broken by the legacy
            solution, as labelled for the typical one; empty for other names.
        """
        match name:
            case "reference":
                return dict.fromkeys(self.exercises, "followed")
            case "legacy":
                return dict.fromkeys(self.exercises, "broken")
            case "typical":
                return dict(self.typical_verdicts)
            case _:
                return {}


def module_name(path: str) -> str:
    """The module a solution written to `path` is imported as.

    Args:
        path: The task's path.

    Returns:
        The file's stem.
    """
    return PurePosixPath(path).stem


class TaskBank(BaseModel):
    """Every task of a folder, in id order, and where each was written."""

    model_config = ConfigDict(frozen=True)

    tasks: tuple[Task, ...]
    origins: dict[str, str] = {}

    def get(self, task_id: str) -> Task:
        """Find a task by id.

        Args:
            task_id: The task's id.

        Returns:
            The task.

        Raises:
            KeyError: No task has that id.
        """
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)


def load_bank(folder: Path, *, rules: Mapping[str, str]) -> TaskBank:
    """Load every `*.yaml` task of a folder, checking ids against the standard's rules.

    Args:
        folder: The tasks folder.
        rules: Rule id to check id, for every rule of the standard that has a check.

    Returns:
        The bank, tasks sorted by id.

    Raises:
        InputError: A file is malformed, an id repeats, a prompt repeats, or a task exercises
            a rule that does not exist or has no check.
    """
    if not folder.is_dir():
        raise InputError("no tasks folder", Position(path=folder))
    tasks: list[Task] = []
    origins: dict[str, str] = {}
    prompts: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        task = _load_task(path, rules)
        where = str(Position(path=path, line=1, column=1))
        if task.id in origins:
            raise InputError(f"duplicate task id {task.id!r} (first in {origins[task.id]})")
        if task.prompt.strip() in prompts:
            first = prompts[task.prompt.strip()]
            raise InputError(f"same prompt as task {first!r}", Position(path=path, line=1))
        origins[task.id] = where
        prompts[task.prompt.strip()] = task.id
        tasks.append(task)
    if not tasks:
        raise InputError("no *.yaml task in the folder", Position(path=folder))
    return TaskBank(tasks=tuple(sorted(tasks, key=lambda task: task.id)), origins=origins)


def _load_task(path: Path, rules: Mapping[str, str]) -> Task:
    document = read_yaml(path)
    task = validate_located(document, Task)
    if task.id != path.stem:
        where = document.position(("id",))
        raise InputError(f"task id {task.id!r} must match its file name {path.stem!r}", where)
    seen: set[str] = set()
    for index, rule_id in enumerate(task.exercises):
        where = document.position(("exercises", index))
        if rule_id in seen:
            raise InputError(f"rule {rule_id!r} is listed twice", where)
        seen.add(rule_id)
        if rule_id not in rules:
            raise InputError(_unknown_rule(rule_id, rules), where)
    _check_requires(document, task)
    _check_typical(task, document)
    return task


def _check_requires(document: Located, task: Task) -> None:
    seen: set[str] = set()
    for index, rule_id in enumerate(task.requires):
        where = document.position(("requires", index))
        if rule_id in seen:
            raise InputError(f"rule {rule_id!r} is required twice", where)
        seen.add(rule_id)
        if rule_id not in task.exercises:
            raise InputError(f"required rule {rule_id!r} is not in `exercises`", where)


def _check_typical(task: Task, document: Located) -> None:
    """Check that a typical solution and its verdicts come together and label exactly the rules.

    Raises:
        InputError: One is present without the other, a verdict names a rule the task does
            not exercise, or an exercised rule has no verdict.
    """
    if bool(task.typical) != bool(task.typical_verdicts):
        given, missing = (
            ("typical", "typical_verdicts") if task.typical else ("typical_verdicts", "typical")
        )
        raise InputError(f"{given!r} needs {missing!r}", document.position((given,), key=True))
    for rule_id in task.typical_verdicts:
        if rule_id not in task.exercises:
            where = document.position(("typical_verdicts", rule_id), key=True)
            raise InputError(f"verdict for {rule_id!r}, which the task does not exercise", where)
    unlabelled = [rule for rule in task.exercises if rule not in task.typical_verdicts]
    if task.typical and unlabelled:
        where = document.position(("typical_verdicts",), key=True)
        raise InputError(f"no verdict for exercised rule(s) {', '.join(unlabelled)}", where)


def _unknown_rule(rule_id: str, rules: Mapping[str, str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(rule_id, list(rules), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown rule {rule_id!r}, or a rule without a check{hint}"
