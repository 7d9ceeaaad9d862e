"""Benchmark `canon check` against libcst parsing alone, Fixit, 2 jobs vs 1, warm vs cold cache.

Every ratio is measured in the same run on the same files:

    uv run --group bench python benchmarks/checks_bench.py            # the whole stdlib
    uv run --group bench python benchmarks/checks_bench.py --limit 60 # a quick run

The corpus is the interpreter's standard library (`--root`), without `site-packages` and the
test folders (`test`, `tests`, `idle_test`). The bars (issues 4 and 12): all checks at most 3x
libcst parsing alone in one process; at least 5x faster than Fixit's default rules on the same files
and cores; 2 jobs at least 1.6x faster than 1; a warm cache at least 10x faster than a cold run.

Each line shows wall-clock and CPU seconds: on a shared machine, CPU close to wall for a 2-job
run means the second core was busy elsewhere, and the jobs ratio says nothing then.
"""

from __future__ import annotations

from argparse import ArgumentParser
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from resource import RUSAGE_CHILDREN, RUSAGE_SELF, getrusage
from shutil import copyfile, rmtree, which
from subprocess import TimeoutExpired
from subprocess import run as run_process
from sys import base_prefix, executable, stdout, version_info
from tempfile import mkdtemp
from time import perf_counter
from typing import TYPE_CHECKING

from libcst import ParserSyntaxError, parse_module
from orjson import OPT_APPEND_NEWLINE, OPT_INDENT_2, dumps

from canon.checks.catalog import CHECK_IDS
from canon.checks.engine import run_checks
from canon.checks.files import RunRequest, run
from canon.checks.model import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Measurement", "copy_corpus", "corpus", "main", "measure", "ratios"]

DEFAULT_ROOT = Path(base_prefix) / "lib" / f"python{version_info[0]}.{version_info[1]}"
SKIP_DIRS = frozenset({"site-packages", "test", "tests", "idle_test", "__pycache__"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Measurement:
    """One timed configuration."""

    name: str
    seconds: float
    files: int
    lines: int
    cpu_seconds: float = 0.0

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
        copyfile(path, target)
        copies.append(target)
    return copies


def _cpu() -> float:
    own = getrusage(RUSAGE_SELF)
    children = getrusage(RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process and its reaped children) of an action."""
    start, cpu = perf_counter(), _cpu()
    action()
    return perf_counter() - start, _cpu() - cpu


def _parse_all(sources: list[str]) -> None:
    for source in sources:
        with suppress(ParserSyntaxError, RecursionError):
            parse_module(source)


def _check_all(sources: list[tuple[str, str]]) -> None:
    ids = tuple(sorted(CHECK_IDS))
    for path, source in sources:
        run_checks(source, path=path, check_ids=ids, settings=Settings())


def _runner(files: list[Path], jobs: int, cache: Path | None) -> None:
    request = RunRequest(
        paths=tuple(files), check_ids=tuple(sorted(CHECK_IDS)), jobs=jobs, cache_dir=cache
    )
    run(request)


def _cli_seconds(argv: list[str], cwd: Path) -> tuple[float, float] | None:
    start, cpu = perf_counter(), _cpu()
    try:
        run_process(argv, capture_output=True, check=False, timeout=3600, cwd=cwd)
    except (OSError, TimeoutExpired):
        return None
    return perf_counter() - start, _cpu() - cpu


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
    timings = {
        "libcst parse only (1 process)": _timed(lambda: _parse_all(texts)),
        "canon all checks (1 process)": _timed(lambda: _check_all(sources)),
        "canon runner, 1 job, no cache": _timed(lambda: _runner(files, 1, None)),
        f"canon runner, {jobs} jobs, no cache": _timed(lambda: _runner(files, jobs, None)),
        **_cache_timings(files),
        **_cli_timings(files, fixit=fixit, jobs=jobs, where=where),
    }
    return {
        name: Measurement(
            name=name, seconds=timing[0], cpu_seconds=timing[1], files=len(files), lines=lines
        )
        for name, timing in timings.items()
        if timing is not None
    }


def _cache_timings(files: list[Path]) -> dict[str, tuple[float, float] | None]:
    cache = Path(mkdtemp(prefix="canon-bench-cache-"))
    try:
        return {
            "canon runner, 1 job, cold cache": _timed(lambda: _runner(files, 1, cache)),
            "canon runner, 1 job, warm cache": _timed(lambda: _runner(files, 1, cache)),
        }
    finally:
        rmtree(cache, ignore_errors=True)


def _cli_timings(
    files: list[Path], *, fixit: bool, jobs: int, where: Path
) -> dict[str, tuple[float, float] | None]:
    paths = [str(path) for path in files]
    canon_cli = [executable, "-m", "canon", "check", "--no-cache", "-j", str(jobs)]
    timings = {f"canon check CLI, {jobs} jobs": _cli_seconds([*canon_cli, *paths], where)}
    if fixit:
        fixit_cli = [executable, "-m", "fixit", "lint", *paths]
        timings[f"fixit lint CLI, default rules, {jobs} cores"] = _cli_seconds(fixit_cli, where)
    return timings


def ratios(found: dict[str, Measurement], jobs: int) -> dict[str, tuple[float, str]]:
    """The issue's ratios and their bars."""
    seconds = {name: m.seconds for name, m in found.items()}
    result: dict[str, tuple[float, str]] = {
        "all checks / parse only": (
            seconds["canon all checks (1 process)"] / seconds["libcst parse only (1 process)"],
            "<= 3",
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
    return result | _extra_ratios(found, jobs)


def _extra_ratios(found: dict[str, Measurement], jobs: int) -> dict[str, tuple[float, str]]:
    """The CPU-time ratio, and Fixit's when it ran."""
    seconds = {name: m.seconds for name, m in found.items()}
    result: dict[str, tuple[float, str]] = {}
    cpu = {name: m.cpu_seconds for name, m in found.items()}
    if cpu["libcst parse only (1 process)"] > 0:
        result["all checks / parse only, CPU seconds"] = (
            cpu["canon all checks (1 process)"] / cpu["libcst parse only (1 process)"],
            "<= 3",
        )
    fixit_name = f"fixit lint CLI, default rules, {jobs} cores"
    canon_name = f"canon check CLI, {jobs} jobs"
    if fixit_name in seconds and canon_name in seconds:
        result["fixit / canon (CLI, same cores)"] = (
            seconds[fixit_name] / seconds[canon_name],
            ">= 5",
        )
    return result


def _parser() -> ArgumentParser:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N files.")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-fixit", action="store_true", help="Skip Fixit.")
    parser.add_argument("--json", type=Path, default=None, help="Also write results here.")
    return parser


def _write_table(found: dict[str, Measurement], jobs: int, *, has_fixit: bool) -> None:
    out = stdout
    for m in found.values():
        speed = f"{m.lines_per_second:10.0f} lines/s"
        out.write(f"{m.name:<45} {m.seconds:9.2f} s {m.cpu_seconds:9.2f} s cpu {speed}\n")
    out.write("\n")
    for name, (value, bar) in ratios(found, jobs).items():
        out.write(f"{name:<45} {value:9.2f}x  (bar {bar})\n")
    if not has_fixit:
        out.write("fixit not installed or skipped: `uv run --group bench ...` installs it\n")


def _document(found: dict[str, Measurement], jobs: int) -> dict[str, object]:
    return {
        "measurements": [
            asdict(m) | {"lines_per_second": m.lines_per_second} for m in found.values()
        ],
        "ratios": {name: {"value": v, "bar": b} for name, (v, b) in ratios(found, jobs).items()},
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table (and JSON with `--json`)."""
    options = _parser().parse_args(argv)
    has_fixit = not options.no_fixit and which("fixit") is not None
    workspace = Path(mkdtemp(prefix="canon-bench-"))
    try:
        files = copy_corpus(corpus(options.root, options.limit), options.root, workspace)
        found = measure(files, fixit=has_fixit, jobs=options.jobs, where=workspace)
    finally:
        rmtree(workspace, ignore_errors=True)
    lines = next(iter(found.values())).lines
    stdout.write(f"{len(files)} files, {lines} lines from {options.root}\n\n")
    _write_table(found, options.jobs, has_fixit=has_fixit)
    if options.json:
        document = _document(found, options.jobs)
        options.json.write_bytes(dumps(document, option=OPT_INDENT_2 | OPT_APPEND_NEWLINE))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
