"""The canon eval as inspect users run it: `inspect eval evals/canon_eval.py --model M`.

Task arguments (`-T name=value`): `variant` (none, full, condensed, keep:ID,..., drop:ID,...,
budget:N), `target` (the assistant format, default copilot), `leave_out` (comma-separated
section ids or titles), `solution` (with `--model canon/typical`, `typical`: only the tasks
with a typical solution, each expecting its labelled verdicts). Calibration providers need no
network: `--model canon/reference`, `--model canon/legacy` or `--model canon/typical`.

This is canon's one `@task`: inspect finds a file's tasks by reading it for `@task` functions,
so the task is declared here, and built by `canon.evals.task` as `canon eval` builds its own.
"""

from __future__ import annotations

from pathlib import Path

from inspect_ai import Task, task

from canon.evals import providers  # noqa: F401 - registers the calibration providers
from canon.evals.functional import DEFAULT_TIMEOUT
from canon.evals.task import TaskOptions, build_task, instruction_spec

__all__ = ["canon_eval"]

ROOT = Path(__file__).resolve().parents[1]


@task
def canon_eval(
    variant: str = "full",
    target: str = "copilot",
    leave_out: str = "",
    test_timeout: float = DEFAULT_TIMEOUT,
    solution: str = "",
) -> Task:
    """Write each task of the bank under the given instructions, scored rule by rule.

    Args:
        variant: `none`, `full`, `condensed`, `keep:ID,...`, `drop:ID,...` or `budget:N`.
        target: The assistant format the instructions are delivered in.
        leave_out: Comma-separated section ids or titles to leave out.
        test_timeout: Seconds a task's tests may run.
        solution: For a calibration provider, the bank's solution it answers with
            (`reference`, `legacy`, `typical`); "" for a model.

    Returns:
        The task.
    """
    spec = instruction_spec(variant, target, leave_out)
    options = TaskOptions(
        root=ROOT, spec=spec, name="canon_eval", test_timeout=test_timeout, solution=solution
    )
    return build_task(options)
