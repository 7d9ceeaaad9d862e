"""The inspect task: the bank as samples, instructions inserted, canon's scorer."""

from dataclasses import dataclass, field
from pathlib import Path

from inspect_ai import Epochs, Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import GenerateConfig, Model
from inspect_ai.solver import generate

from canon.evals.bank import TaskBank
from canon.evals.functional import DEFAULT_TIMEOUT
from canon.evals.instructions import InstructionSpec
from canon.evals.project import EvalProject
from canon.evals.scorer import canon_scorer
from canon.evals.solver import insert_instructions

__all__ = ["TaskOptions", "build_task", "canon_standard", "instruction_spec", "samples"]


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
    """

    root: Path
    spec: InstructionSpec = field(default_factory=InstructionSpec)
    name: str = "canon"
    model: str | Model | None = None
    generate: GenerateConfig = field(default_factory=GenerateConfig)
    epochs: int = 1
    test_timeout: float = DEFAULT_TIMEOUT
    metadata: dict[str, object] = field(default_factory=dict)


def samples(bank: TaskBank) -> list[Sample]:
    """Turn the bank into inspect samples, one per task, carrying what the scorer needs.

    Args:
        bank: The task bank.

    Returns:
        The samples, in id order.
    """
    return [
        Sample(
            id=item.id,
            input=item.prompt,
            metadata={
                "task_id": item.id,
                "path": item.path,
                "exercises": list(item.exercises),
                "module": item.module,
                "tests": item.tests,
            },
        )
        for item in bank.tasks
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
    metadata = {
        "instructions": options.spec.label,
        "variant": options.spec.variant,
        "target": options.spec.target,
        "leave_out": list(options.spec.leave_out),
        "rules": dict(project.rules),
        **options.metadata,
    }
    return Task(
        name=options.name,
        dataset=MemoryDataset(samples(bank), name="canon-tasks"),
        solver=[insert_instructions(project.standards, options.spec), generate()],
        scorer=canon_scorer(rules=dict(project.rules), test_timeout=options.test_timeout),
        model=options.model,
        config=options.generate,
        epochs=Epochs(options.epochs, "mean"),
        metadata=metadata,
    )


@task
def canon_standard(
    variant: str = "full",
    target: str = "copilot",
    leave_out: str = "",
    root: str = "",
    test_timeout: float = DEFAULT_TIMEOUT,
) -> Task:
    """The canon eval: write each task of the bank under the given instructions.

    Args:
        variant: `none`, `full`, `condensed`, `keep:ID,...`, `drop:ID,...` or `budget:N`.
        target: The assistant format the instructions are delivered in.
        leave_out: Comma-separated section ids or titles to leave out.
        root: The project root; defaults to the one found upwards from the working folder.
        test_timeout: Seconds a task's tests may run.

    Returns:
        The task.
    """
    from canon.evals.project import find_eval_root

    folder = Path(root) if root else find_eval_root(Path.cwd())
    spec = instruction_spec(variant, target, leave_out)
    return build_task(TaskOptions(root=folder, spec=spec, test_timeout=test_timeout))


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
