"""The eval suite's two performance numbers: the offline default's wall time and scoring cost.

Run: `uv run python benchmarks/eval_bench.py [--runs N]`.

1. Wall time of `canon eval` with no options (the whole bank, both calibration
   configurations, offline), in a fresh process, into a temporary log and report folder;
   the median of N runs. Budget: 60 s on 2 cores.
2. The scorer's cost per sample, in process: `score_code` (code extraction, strict and loose,
   and every check) on each task's reference and legacy answer, as a model would fence them;
   the median over all samples, after one warm-up pass. Budget: 20 ms at the median. The
   functional tests the scorer also runs (a pytest child process per task with tests) are
   timed separately, since they are bounded by process start-up, not by canon.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def eval_wall_time(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            command = [
                sys.executable,
                "-m",
                "canon",
                "eval",
                "--quiet",
                "--log-dir",
                str(Path(folder) / "logs"),
                "--report-dir",
                str(Path(folder) / "report"),
            ]
            start = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(f"canon eval failed ({done.returncode}):\n{done.stderr}")
    return times


def scorer_times() -> tuple[list[float], list[float]]:
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
            start = time.perf_counter()
            score_code(answer, rules=project.rules, metadata=metadata)
            timings.append(time.perf_counter() - start)
    tests = []
    for task in project.bank.tasks:
        if task.tests:
            start = time.perf_counter()
            asyncio.run(run_tests(code=task.reference, tests=task.tests, module=task.module))
            tests.append(time.perf_counter() - start)
    return timings, tests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the offline default")
    arguments = parser.parse_args()
    print(f"cores: {os.cpu_count()}")
    scoring, tests = scorer_times()
    print(
        "scorer (extraction + checks) per sample: "
        f"median {statistics.median(scoring) * 1000:.1f} ms, "
        f"p90 {statistics.quantiles(scoring, n=10)[-1] * 1000:.1f} ms over {len(scoring)} samples"
        " (budget 20 ms)"
    )
    print(
        f"functional tests (pytest child process) per task: median {statistics.median(tests):.2f} s"
        f" over {len(tests)} tasks"
    )
    walls = eval_wall_time(arguments.runs)
    print(
        f"canon eval (offline default, whole bank, 2 configurations): median "
        f"{statistics.median(walls):.1f} s over {len(walls)} runs "
        f"({', '.join(f'{wall:.1f}' for wall in walls)}) (budget 60 s)"
    )


if __name__ == "__main__":
    main()
