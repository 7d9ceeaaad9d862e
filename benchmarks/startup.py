"""Start-up cost of the commands that run in pre-commit hooks and CI, as ratios to `python -c pass`.

Run: `uv run python benchmarks/startup.py [--runs N]`.

`canon compile --check` answers from its cache when no source changed since the last compile
(the pre-commit case); `--no-cache` forces the full check (a fresh clone in CI).

Each command runs N times in a fresh interpreter; the median wall time is compared with the
median of `python -c pass` measured in the same run (machines here are noisy, ratios are not).
Two ways: with the bytecode the environment holds (`compile-bytecode = true`), and without any
(every module compiled from source on every start, as when `PYTHONDONTWRITEBYTECODE=1` meets
an environment installed without bytecode).
"""

from __future__ import annotations

from argparse import ArgumentParser
from os import environ
from pathlib import Path
from statistics import median
from subprocess import DEVNULL, run
from sys import executable, stdout
from tempfile import mkdtemp
from time import perf_counter

__all__ = ["BUDGET", "NAMES", "main", "measure"]

ROOT = Path(__file__).resolve().parents[1]
BUDGET = {"canon --help": 8.0, "canon compile --check": 15.0}
NAMES = [
    "python -c pass",
    "import typer",
    "canon --help",
    "canon compile --check",
    "canon compile --check --no-cache",
]


def _command(name: str) -> list[str]:
    canon = [executable, "-m", "canon"]
    return {
        "python -c pass": [executable, "-c", "pass"],
        "import typer": [executable, "-c", "import typer"],
        "canon --help": [*canon, "--help"],
        "canon compile --check": [*canon, "compile", "--check"],
        "canon compile --check --no-cache": [*canon, "compile", "--check", "--no-cache"],
    }[name]


def _median_seconds(argv: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = perf_counter()
        run(
            argv,
            cwd=ROOT,
            env=env,
            stdout=DEVNULL,
            stderr=DEVNULL,
            check=False,
        )
        times.append(perf_counter() - start)
    return median(times)


def measure(runs: int, *, bytecode: bool) -> dict[str, float]:
    """Median seconds per command, with or without bytecode.

    Args:
        runs: Runs per command.
        bytecode: Whether the interpreter may use the environment's bytecode.

    Returns:
        Each command's median wall time in seconds.
    """
    env = dict(environ)
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = mkdtemp(prefix="canon-nobytecode-")
    return {name: _median_seconds(_command(name), runs, env) for name in NAMES}


def main() -> int:
    """Print the table; exit 1 when a budget is exceeded with bytecode present.

    Returns:
        The exit code: 0 within every budget, 1 over one.
    """
    parser = ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    failed = False
    for bytecode in (True, False):
        results = measure(args.runs, bytecode=bytecode)
        base = results["python -c pass"]
        how = "with" if bytecode else "without"
        stdout.write(f"\n{how} bytecode (median of {args.runs} runs)\n")
        for name, seconds in results.items():
            ratio = seconds / base
            budget = BUDGET.get(name)
            verdict = ""
            if budget and bytecode:
                verdict = "ok" if ratio <= budget else f"OVER {budget}x"
                failed |= ratio > budget
            stdout.write(f"  {name:<34} {seconds * 1000:8.1f} ms {ratio:6.1f}x  {verdict}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
