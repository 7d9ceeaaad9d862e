"""Benchmark `canon check` against libcst parsing alone, Fixit, 2 jobs vs 1, warm vs cold cache.

Every ratio is measured in the same run on the same files:

    uv run --group bench python benchmarks/checks_bench.py            # the whole stdlib
    uv run --group bench python benchmarks/checks_bench.py --limit 60 # a quick run

The corpus is the interpreter's standard library (`--root`), without `site-packages` and the
test folders (`test`, `tests`, `idle_test`). The bars (issue 4): all checks at most 4x libcst
parsing alone in one process; at least 5x faster than Fixit's default rules on the same files
and cores; 2 jobs at least 1.6x faster than 1; a warm cache at least 10x faster than a cold run.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import libcst as cst

from canon.checks.engine import run_checks
from canon.checks.model import Settings
from canon.checks.registry import CHECK_IDS
from canon.checks.runner import RunRequest, run

__all__ = ["Measurement", "copy_corpus", "corpus", "main", "measure", "ratios"]

DEFAULT_ROOT = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
SKIP_DIRS = frozenset({"site-packages", "test", "tests", "idle_test", "__pycache__"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Measurement:
    """One timed configuration."""

    name: str
    seconds: float
    files: int
    lines: int

    @property
    def lines_per_second(self) -> float:
        """Throughput."""
        return self.lines / self.seconds if self.seconds else 0.0


def corpus(root: Path, limit: int | None) -> list[Path]:
    """The benchmark's files: `*.py` under root, outside test folders and site-packages."""
    files = sorted(
        path
        for path in root.rglob("*.py")
        if not SKIP_DIRS.intersection(path.relative_to(root).parts[:-1])
    )
    return files[:limit] if limit else files


def copy_corpus(files: list[Path], root: Path, workspace: Path) -> list[Path]:
    """Copy the corpus out of any git repository.

    Fixit skips files an enclosing repository ignores (pyenv's own checkout ignores its
    `versions/`), so both tools read the same copies in a fresh temporary folder.
    """
    copies = []
    for path in files:
        target = workspace / "corpus" / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        copies.append(target)
    return copies


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _parse_all(sources: list[str]) -> None:
    for source in sources:
        try:
            cst.parse_module(source)
        except (cst.ParserSyntaxError, RecursionError):
            continue


def _check_all(sources: list[tuple[str, str]]) -> None:
    ids = tuple(sorted(CHECK_IDS))
    for path, source in sources:
        run_checks(source, path=path, check_ids=ids, settings=Settings())


def _runner(files: list[Path], jobs: int, cache: Path | None) -> None:
    request = RunRequest(
        paths=tuple(files), check_ids=tuple(sorted(CHECK_IDS)), jobs=jobs, cache_dir=cache
    )
    run(request)


def _cli_seconds(argv: list[str], cwd: Path) -> float | None:
    start = time.perf_counter()
    try:
        subprocess.run(argv, capture_output=True, check=False, timeout=3600, cwd=cwd)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return time.perf_counter() - start


def measure(files: list[Path], *, fixit: bool, jobs: int, where: Path) -> dict[str, Measurement]:
    """Time every configuration on the same files.

    Args:
        files: The corpus.
        fixit: Whether to time Fixit too (it must be installed).
        jobs: The cores for the multi-process comparisons.
        where: The working folder of the command-line runs (outside any repository).

    Returns:
        Measurements by name.
    """
    _check_all([(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in files[:3]])
    sources = [(str(path), path.read_bytes().decode("utf-8", "replace")) for path in files]
    lines = sum(source.count("\n") for _, source in sources)
    texts = [source for _, source in sources]
    found: dict[str, Measurement] = {}

    def keep(name: str, seconds: float | None) -> None:
        if seconds is not None:
            found[name] = Measurement(name=name, seconds=seconds, files=len(files), lines=lines)

    keep("libcst parse only (1 process)", _timed(lambda: _parse_all(texts)))
    keep("canon all checks (1 process)", _timed(lambda: _check_all(sources)))
    keep("canon runner, 1 job, no cache", _timed(lambda: _runner(files, 1, None)))
    keep(f"canon runner, {jobs} jobs, no cache", _timed(lambda: _runner(files, jobs, None)))
    cache = Path(tempfile.mkdtemp(prefix="canon-bench-cache-"))
    try:
        keep("canon runner, 1 job, cold cache", _timed(lambda: _runner(files, 1, cache)))
        keep("canon runner, 1 job, warm cache", _timed(lambda: _runner(files, 1, cache)))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    paths = [str(path) for path in files]
    canon_cli = [sys.executable, "-m", "canon", "check", "--no-cache", "-j", str(jobs)]
    keep(f"canon check CLI, {jobs} jobs", _cli_seconds([*canon_cli, *paths], where))
    if fixit:
        fixit_cli = [sys.executable, "-m", "fixit", "lint", *paths]
        keep(f"fixit lint CLI, default rules, {jobs} cores", _cli_seconds(fixit_cli, where))
    return found


def ratios(found: dict[str, Measurement], jobs: int) -> dict[str, tuple[float, str]]:
    """The issue's ratios and their bars."""
    seconds = {name: m.seconds for name, m in found.items()}
    result: dict[str, tuple[float, str]] = {
        "all checks / parse only": (
            seconds["canon all checks (1 process)"] / seconds["libcst parse only (1 process)"],
            "<= 4",
        ),
        f"1 job / {jobs} jobs": (
            seconds["canon runner, 1 job, no cache"]
            / seconds[f"canon runner, {jobs} jobs, no cache"],
            ">= 1.6",
        ),
        "cold cache / warm cache": (
            seconds["canon runner, 1 job, cold cache"] / seconds["canon runner, 1 job, warm cache"],
            ">= 10",
        ),
    }
    fixit_name = f"fixit lint CLI, default rules, {jobs} cores"
    canon_name = f"canon check CLI, {jobs} jobs"
    if fixit_name in seconds and canon_name in seconds:
        result["fixit / canon (CLI, same cores)"] = (
            seconds[fixit_name] / seconds[canon_name],
            ">= 5",
        )
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table (and JSON with `--json`)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N files.")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-fixit", action="store_true", help="Skip Fixit.")
    parser.add_argument("--json", type=Path, default=None, help="Also write results here.")
    options = parser.parse_args(argv)
    has_fixit = not options.no_fixit and shutil.which("fixit") is not None
    workspace = Path(tempfile.mkdtemp(prefix="canon-bench-"))
    try:
        files = copy_corpus(corpus(options.root, options.limit), options.root, workspace)
        found = measure(files, fixit=has_fixit, jobs=options.jobs, where=workspace)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    lines = next(iter(found.values())).lines
    out = sys.stdout
    out.write(f"{len(files)} files, {lines} lines from {options.root}\n\n")
    for m in found.values():
        out.write(f"{m.name:<45} {m.seconds:9.2f} s {m.lines_per_second:10.0f} lines/s\n")
    out.write("\n")
    for name, (value, bar) in ratios(found, options.jobs).items():
        out.write(f"{name:<45} {value:9.2f}x  (bar {bar})\n")
    if not has_fixit:
        out.write("fixit not installed or skipped: `uv run --group bench ...` installs it\n")
    if options.json:
        document = {
            "measurements": [
                asdict(m) | {"lines_per_second": m.lines_per_second} for m in found.values()
            ],
            "ratios": {
                name: {"value": v, "bar": b} for name, (v, b) in ratios(found, options.jobs).items()
            },
        }
        options.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
