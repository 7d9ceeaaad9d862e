"""The eval suite's two performance numbers: the offline default's wall time and scoring cost.

Run: `uv run python benchmarks/eval_bench.py [--runs N]`.

1. Wall time of `canon eval` with no options (the whole bank, the three calibration
   configurations, offline), in a fresh process, into a temporary log and report folder;
   the median of N runs. Budget: 60 s on 2 cores.
2. The scorer's cost per sample, in process: `score_code` (code extraction, strict and loose,
   and every check) on each task's reference and legacy answer, as a model would fence them;
   the median over all samples, after one warm-up pass. Budget: 20 ms at the median. The
   functional tests the scorer also runs (a pytest child process per task with tests) are
   timed separately, since they are bounded by process start-up, not by canon.
"""

from __future__ import annotations

from argparse import ArgumentParser
from asyncio import run
from os import cpu_count
from pathlib import Path
from statistics import median, quantiles
from subprocess import run as run_process
from sys import executable, stdout
from sys import exit as exit_with
from tempfile import TemporaryDirectory
from time import perf_counter

__all__ = ["ROOT", "eval_wall_time", "main", "scorer_times"]

ROOT = Path(__file__).resolve().parents[1]


def eval_wall_time(runs: int) -> list[float]:
    """Time `canon eval` with no options in a fresh process, into temporary folders.

    Args:
        runs: How many runs to time.

    Returns:
        The wall time of each run, in seconds.
    """
    times = []
    for _ in range(runs):
        with TemporaryDirectory() as folder:
            command = [
                executable,
                "-m",
                "canon",
                "eval",
                "--quiet",
                "--log-dir",
                str(Path(folder) / "logs"),
                "--report-dir",
                str(Path(folder) / "report"),
            ]
            start = perf_counter()
            done = run_process(command, cwd=ROOT, capture_output=True, text=True, check=False)
            times.append(perf_counter() - start)
            if done.returncode != 0:
                exit_with(f"canon eval failed ({done.returncode}):\n{done.stderr}")
    return times


def scorer_times() -> tuple[list[float], list[float]]:
    """Time the scorer on every reference and legacy answer, and each task's tests.

    Returns:
        The scorer's seconds per sample (after a warm-up pass) and the functional tests'
        seconds per task with tests.
    """
    from canon.evals.functional import run_tests
    from canon.evals.project import EvalProject
    from canon.evals.scorer import score_code

    project = EvalProject(root=ROOT)
    answers = [
        (task, f"Here is the module.\n\n```python\n{solution}```\n")
        for task in project.bank.tasks
        for solution in (task.reference, task.legacy)
    ]
    timings: list[float] = []
    for _warm_up_then_measure in range(2):
        timings = []
        for task, answer in answers:
            metadata = {"exercises": list(task.exercises), "path": task.path}
            start = perf_counter()
            score_code(answer, rules=project.rules, metadata=metadata)
            timings.append(perf_counter() - start)
    tests = []
    for task in project.bank.tasks:
        if task.tests:
            start = perf_counter()
            run(run_tests(code=task.reference, tests=task.tests, module=task.module))
            tests.append(perf_counter() - start)
    return timings, tests


def main() -> None:
    """Measure both numbers and write them to stdout with their budgets."""
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the offline default")
    arguments = parser.parse_args()
    stdout.write(f"cores: {cpu_count()}\n")
    scoring, tests = scorer_times()
    stdout.write(
        "scorer (extraction + checks) per sample: "
        f"median {median(scoring) * 1000:.1f} ms, "
        f"p90 {quantiles(scoring, n=10)[-1] * 1000:.1f} ms over {len(scoring)} samples"
        " (budget 20 ms)\n"
    )
    stdout.write(
        f"functional tests (pytest child process) per task: median {median(tests):.2f} s"
        f" over {len(tests)} tasks\n"
    )
    walls = eval_wall_time(arguments.runs)
    stdout.write(
        f"canon eval (offline default, whole bank, 2 configurations): median "
        f"{median(walls):.1f} s over {len(walls)} runs "
        f"({', '.join(f'{wall:.1f}' for wall in walls)}) (budget 60 s)\n"
    )


if __name__ == "__main__":
    main()
