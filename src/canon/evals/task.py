"""The inspect task: the bank as samples, instructions inserted, canon's scorer.

`build_task` builds one configuration's task (`canon eval` builds one per configuration). The
one `@task` inspect users run, `inspect eval evals/canon_eval.py`, lives in that file (inspect
finds a file's tasks by reading it for `@task` functions) and builds through `build_task` and
`instruction_spec`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from inspect_ai import Epochs, Task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import GenerateConfig
from inspect_ai.solver import generate

from canon.evals.contract import DatasetFields, TaskMetadata
from canon.evals.functional import DEFAULT_TIMEOUT
from canon.evals.instructions import InstructionSpec
from canon.evals.project import EvalProject
from canon.evals.scorer import canon_scorer
from canon.evals.solver import insert_instructions

if TYPE_CHECKING:
    from pathlib import Path

    from inspect_ai.model import Model

    from canon.evals.bank import TaskBank

__all__ = ["TaskOptions", "build_task", "instruction_spec", "samples"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TaskOptions:
    """How to build one configuration's task.

    Attributes:
        root: The project root (holding `instructions/` and `tasks/`).
        spec: The instructions given.
        name: The task's name in logs (the configuration's name).
        model: The model bound to the task; None to take inspect's `--model`.
        generate: Generation settings.
        epochs: How many times each sample runs.
        test_timeout: Seconds a task's tests may run.
        metadata: Extra task metadata (the configuration, for reports).
        solution: The bank's solution a calibration provider answers with; "" for a model.
    """

    root: Path
    spec: InstructionSpec = field(default_factory=InstructionSpec)
    name: str = "canon"
    model: str | Model | None = None
    generate: GenerateConfig = field(default_factory=GenerateConfig)
    epochs: int = 1
    test_timeout: float = DEFAULT_TIMEOUT
    metadata: dict[str, object] = field(default_factory=dict)
    solution: str = ""


def samples(bank: TaskBank, solution: str = "") -> list[Sample]:
    """Turn the bank into inspect samples, one per task, carrying what the scorer needs.

    Args:
        bank: The task bank.
        solution: For a calibration provider, the solution it answers with: only the tasks
            that have one become samples, each expecting that solution's verdicts.

    Returns:
        The samples, in id order.
    """
    return [
        Sample(
            id=item.id,
            input=item.prompt,
            metadata=DatasetFields(
                task_id=item.id,
                path=item.path,
                exercises=item.exercises,
                requires=item.requires,
                module=item.module,
                tests=item.tests,
                expected=item.expected_verdicts(solution),
            ).model_dump(mode="json"),
        )
        for item in bank.tasks
        if not solution or item.solution(solution)
    ]


def build_task(options: TaskOptions) -> Task:
    """Build the inspect task for one assistant configuration.

    Args:
        options: The configuration's task options.

    Returns:
        The task.
    """
    project = EvalProject(root=options.root)
    bank = project.bank
    spec = options.spec
    metadata = TaskMetadata.model_validate(
        {
            "instructions": spec.label,
            "variant": spec.variant,
            "target": spec.target,
            "leave_out": spec.leave_out,
            "rules": dict(project.rules),
            **options.metadata,
        }
    ).model_dump(mode="json", exclude_unset=True)
    return Task(
        name=options.name,
        dataset=MemoryDataset(samples(bank, options.solution), name="canon-tasks"),
        solver=[insert_instructions(project.standards, options.spec), generate()],
        scorer=canon_scorer(rules=dict(project.rules), test_timeout=options.test_timeout),
        model=options.model,
        config=options.generate,
        epochs=Epochs(options.epochs, "mean"),
        metadata=metadata,
    )


def instruction_spec(variant: str, target: str, leave_out: str) -> InstructionSpec:
    """Turn inspect's `-T` task arguments into the instructions a configuration names.

    Args:
        variant: `none`, `full`, `condensed`, `keep:ID,...`, `drop:ID,...` or `budget:N`.
        target: The assistant format the instructions are delivered in.
        leave_out: Comma-separated section ids or titles to leave out.

    Returns:
        The instruction specification.
    """
    names = tuple(name.strip() for name in leave_out.split(",") if name.strip())
    return InstructionSpec(variant=variant, target=target, leave_out=names)
