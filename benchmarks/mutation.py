"""Mutation score of the modules that decide a user's output, module by module, with mutmut.

Run: `uv run python benchmarks/mutation.py [--module PATH ...] [--jobs N] [--out FILE]`.

For each module of `MODULES` (or each `--module`), the project is copied to a scratch folder
whose `[tool.mutmut]` table mutates that one module and selects that module's tests; mutmut
then records which of those tests reach each function and runs, for each mutant, only those.
A mutant is killed when a test fails, survives when all pass, and times out when its tests run
far longer than on the clean code (a timeout counts as killed in the share). A mutant that no
selected test reaches counts as surviving ("no test"). The Markdown table and every surviving
mutant, with its line and diff, are printed and written to `--out`; `--survivors-dir` also
writes one `survivors-<module>.txt` per module. A module still running after `--time-limit`
seconds is stopped and reported with the mutants it had checked.

Not part of the default test run: it runs the selected tests once per mutant.
"""

from __future__ import annotations

from argparse import ArgumentParser
from ast import AsyncFunctionDef, ClassDef, FunctionDef
from ast import parse as parse_python
from collections import Counter
from dataclasses import dataclass
from os import environ, killpg
from pathlib import Path
from shutil import copytree, ignore_patterns, rmtree
from signal import SIGKILL, SIGTERM
from subprocess import PIPE, STDOUT, Popen, TimeoutExpired, run
from sys import executable, stdout
from tempfile import gettempdir
from time import perf_counter
from tomllib import loads as load_toml
from typing import TYPE_CHECKING

from orjson import dumps

from canon.safe_write import write_file

if TYPE_CHECKING:
    from argparse import Namespace
    from ast import Module as AstModule

__all__ = ["MODULES", "ModuleResult", "Survivor", "main", "measure"]

ROOT = Path(__file__).resolve().parents[1]
LOG_CACHE_ENV = "CANON_TEST_LOG_CACHE"
LOG_CACHE_MODULES = ("src/canon/reports/",)

CHECK_ENGINE_TESTS = tuple(
    f"tests/checks/{name}.py"
    for name in (
        "test_cli",
        "test_engine",
        "test_examples",
        "test_narrowing",
        "test_no_false_clean",
        "test_output_exact",
        "test_traps",
    )
)

# The module -> tests table, grouped as issue 9 lists them. Edit a path here when a module moves.
# mutmut runs, for each mutant, only the tests among these that execute the mutated function.
MODULES: dict[str, dict[str, tuple[str, ...]]] = {
    "standards loading": {
        "src/canon/standards/loader.py": ("tests/standards",),
        "src/canon/standards/yamlpos.py": ("tests/standards",),
        "src/canon/standards/validation.py": ("tests/standards",),
    },
    "compile rendering and splitting": {
        "src/canon/compiler/markdown.py": ("tests/compiler",),
        "src/canon/compiler/targets/markdown_target.py": ("tests/compiler",),
        "src/canon/compiler/targets/scoping.py": ("tests/compiler",),
        "src/canon/compiler/variants.py": ("tests/compiler",),
        "src/canon/compiler/frontmatter.py": ("tests/compiler", "tests/importer"),
    },
    "importer's parser": {
        "src/canon/importer/parse.py": ("tests/importer",),
    },
    # tests/checks minus its slow property tests (a 50 s hypothesis test would set mutmut's
    # timeout per mutant at minutes) and the corpus-wide measurements
    "check engine, files and output": {
        "src/canon/checks/engine.py": CHECK_ENGINE_TESTS,
        "src/canon/checks/files.py": CHECK_ENGINE_TESTS,
        "src/canon/checks/output.py": ("tests/checks",),
        "src/canon/checks/positions.py": ("tests/checks",),
    },
    "scorer and extraction": {
        "src/canon/evals/scorer.py": (
            "tests/evals/test_scorer.py",
            "tests/evals/test_scores_exact.py",
            "tests/evals/test_mutants_metrics.py",
        ),
        "src/canon/evals/extract.py": ("tests/evals/test_extract.py", "tests/evals/test_scorer.py"),
    },
    "report statistics and gate": {
        "src/canon/reports/stats.py": (
            "tests/reports/test_stats.py",
            "tests/reports/test_gate_exact.py",
        ),
        "src/canon/reports/analysis.py": ("tests/reports",),
        "src/canon/reports/report.py": ("tests/reports",),
    },
}
TESTS = {module: tests for group in MODULES.values() for module, tests in group.items()}
# not copied to the scratch folder: version control, the environment, caches, earlier results
SKIPPED = (
    ".git",
    ".venv",
    "mutants",
    "logs",
    "__pycache__",
    "*_cache",
    ".canon-cache",
    ".hypothesis",
)
KILLED = {"killed", "timeout"}
MUTMUT = [executable, "-m", "mutmut"]
# mutmut names a method's mutants `module.xǁClassǁmethod__mutmut_N`,
# a function's `module.x_f__mutmut_N`
CLASS_SEPARATOR = "\u01c1"


@dataclass(frozen=True, slots=True, kw_only=True)
class Survivor:
    """A mutant that no test noticed."""

    module: str
    line: int
    name: str
    status: str
    diff: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleResult:
    """The mutants of one module, by outcome."""

    module: str
    counts: Counter[str]
    survivors: tuple[Survivor, ...]
    seconds: float
    stopped: bool

    @property
    def mutants(self) -> int:
        return sum(self.counts.values())

    @property
    def killed_share(self) -> float:
        return sum(self.counts[status] for status in KILLED) / self.mutants if self.mutants else 0.0


def _toml(value: object) -> str:
    match value:
        case bool():
            return "true" if value else "false"
        case int() | float():
            return str(value)
        case list() | tuple():
            return "[" + ", ".join(_toml(item) for item in value) + "]"
        case _:
            return dumps(str(value)).decode()


def _without_table(text: str, header: str) -> str:
    kept: list[str] = []
    inside = False
    for line in text.splitlines(keepends=True):
        if line.startswith("["):
            inside = line.strip() == header
        if not inside:
            kept.append(line)
    return "".join(kept)


def _configure(work: Path, module: str, tests: tuple[str, ...]) -> None:
    """Write the scratch project's `[tool.mutmut]`: the project's table, narrowed to one module."""
    pyproject = work / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    settings = load_toml(text).get("tool", {}).get("mutmut", {})
    settings |= {"only_mutate": [module], "pytest_add_cli_args_test_selection": list(tests)}
    table = "".join(f"{key} = {_toml(value)}\n" for key, value in settings.items())
    write_file(
        pyproject, f"{_without_table(text, '[tool.mutmut]')}\n[tool.mutmut]\n{table}".encode()
    )


def _prepare(work: Path, module: str, tests: tuple[str, ...]) -> None:
    if work.exists():
        rmtree(work)
    copytree(ROOT, work, ignore=ignore_patterns(*SKIPPED))
    rmtree(work / "reports", ignore_errors=True)
    _configure(work, module, tests)


def _environment(work: Path, module: str) -> dict[str, str]:
    """mutmut's environment: the report modules' tests reuse their eval logs across mutants.

    A report module cannot change the logs its tests generate, so one pytest session's logs
    serve every mutant's (`tests/logcache.py`); any other module runs its evals every time.
    """
    if not module.startswith(LOG_CACHE_MODULES):
        return dict(environ)
    return dict(environ) | {LOG_CACHE_ENV: str(work / "log-cache")}


def _run_mutmut(work: Path, module: str, jobs: int, time_limit: float) -> bool:
    """Run mutmut in `work`; return whether it had to be stopped at the time limit."""
    command = [*MUTMUT, "run", "--max-children", str(jobs)]
    with (work / "mutmut.log").open("w", encoding="utf-8") as log:
        process = Popen(
            command,
            cwd=work,
            stdout=log,
            stderr=STDOUT,
            start_new_session=True,
            env=_environment(work, module),
        )
        try:
            process.wait(timeout=time_limit)
        except TimeoutExpired:
            killpg(process.pid, SIGTERM)
            try:
                process.wait(timeout=30)
            except TimeoutExpired:
                killpg(process.pid, SIGKILL)
                process.wait()
            return True
    return False


def _function_start(tree: AstModule, name: str) -> int:
    """The first line (decorators included) of the function a mutant changes."""
    mangled = name.partition("__mutmut_")[0].rpartition(".")[2]
    scope = tree.body
    function = mangled.removeprefix("x_")
    if CLASS_SEPARATOR in mangled:
        _, class_name, function = mangled.split(CLASS_SEPARATOR)
        scope = next(
            node.body
            for node in tree.body
            if isinstance(node, ClassDef) and node.name == class_name
        )
    node = next(
        node
        for node in scope
        if isinstance(node, FunctionDef | AsyncFunctionDef) and node.name == function
    )
    return min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])


def _changed_offset(diff: str) -> int:
    """The 1-based line, within the function, of the first line the mutant changes."""
    line = 1
    for text in diff.splitlines():
        if text.startswith("@@"):
            line = int(text.split()[1].lstrip("-").split(",")[0])
        elif text.startswith("-") and not text.startswith("---"):
            return line
        elif text.startswith(" "):
            line += 1
    return line


def _mutmut(work: Path, arguments: list[str]) -> str:
    return run([*MUTMUT, *arguments], cwd=work, stdout=PIPE, text=True, check=True).stdout


def _statuses(work: Path) -> dict[str, str]:
    """Each mutant's outcome, as `mutmut results --all true` lists them."""
    lines = _mutmut(work, ["results", "--all", "true"]).splitlines()
    return dict(line.strip().rsplit(": ", 1) for line in lines if "__mutmut_" in line)


def _survivors(work: Path, module: str, statuses: dict[str, str]) -> tuple[Survivor, ...]:
    tree = parse_python((work / module).read_text(encoding="utf-8"))
    found: list[Survivor] = []
    for name, status in statuses.items():
        if status in KILLED:
            continue
        diff = _mutmut(work, ["show", name]).split("\n", 1)[1].rstrip()
        line = _function_start(tree, name) + _changed_offset(diff) - 1
        found.append(Survivor(module=module, line=line, name=name, status=status, diff=diff))
    return tuple(sorted(found, key=lambda survivor: (survivor.line, survivor.name)))


def measure(
    module: str, tests: tuple[str, ...], *, work: Path, jobs: int, time_limit: float
) -> ModuleResult:
    """Mutate one module in a scratch copy of the project and run its tests against each mutant.

    Args:
        module: The module's path relative to the project root.
        tests: Test files or folders (relative to the root) that may kill its mutants.
        work: The scratch folder (emptied first; kept afterwards for `mutmut browse`).
        jobs: How many mutants run at once.
        time_limit: Seconds after which the run is stopped.

    Returns:
        The counts by outcome and the surviving mutants.
    """
    start = perf_counter()
    _prepare(work, module, tests)
    stopped = _run_mutmut(work, module, jobs, time_limit)
    seconds = perf_counter() - start
    statuses = _statuses(work)
    survivors = _survivors(work, module, statuses)
    counts = Counter(statuses.values())
    return ModuleResult(
        module=module, counts=counts, survivors=survivors, seconds=seconds, stopped=stopped
    )


def _row(result: ModuleResult) -> str:
    counts = result.counts
    named = {"killed", "survived", "no tests", "timeout"}
    other = sum(count for status, count in counts.items() if status not in named)
    minutes = f"{result.seconds / 60:.1f} min" + (" (stopped)" if result.stopped else "")
    cells = [
        f"`{result.module}`",
        result.mutants,
        counts["killed"],
        counts["survived"],
        counts["no tests"],
        counts["timeout"],
        other,
        f"{result.killed_share:.1%}",
        minutes,
    ]
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def table(results: list[ModuleResult]) -> str:
    """The Markdown table of the results, one module a row, and the total."""
    header = (
        "| module | mutants | killed | survived | no test | timeout | other | killed share "
        "| time |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    total = ModuleResult(
        module="total",
        counts=sum((result.counts for result in results), Counter()),
        survivors=(),
        seconds=sum(result.seconds for result in results),
        stopped=any(result.stopped for result in results),
    )
    return header + "\n".join(_row(result) for result in [*results, total]) + "\n"


def survivor_list(result: ModuleResult) -> str:
    """Every surviving mutant of one module: where, which, and its diff."""
    blocks = [
        f"{survivor.module}:{survivor.line}  {survivor.name}  ({survivor.status})\n"
        f"{survivor.diff}\n"
        for survivor in result.survivors
    ]
    return "\n".join(blocks)


def report(results: list[ModuleResult]) -> str:
    """The table, then the survivors of every module."""
    sections = [f"# Mutation score\n\n{table(results)}"]
    sections += [
        f"## Survivors of `{result.module}` ({len(result.survivors)})\n\n"
        f"```diff\n{survivor_list(result)}```\n"
        for result in results
        if result.survivors
    ]
    return "\n".join(sections)


def _arguments() -> Namespace:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--module", action="append", help="a module path (repeatable); default: all"
    )
    parser.add_argument("--tests", action="append", help="tests for a --module not in MODULES")
    parser.add_argument("--jobs", "--max-children", type=int, default=1, dest="jobs")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "mutation.md")
    parser.add_argument("--survivors-dir", type=Path, help="also write survivors-<module>.txt here")
    parser.add_argument("--time-limit", type=float, default=900.0, help="seconds per module")
    parser.add_argument("--workdir", type=Path, default=Path(gettempdir()) / "canon-mutation")
    args = parser.parse_args()
    unknown = [module for module in args.module or () if module not in TESTS]
    if unknown and not args.tests:
        parser.error(f"not in MODULES, add it there or pass --tests: {', '.join(unknown)}")
    return args


def _save(args: Namespace, module: str, results: list[ModuleResult]) -> None:
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_file(args.out, report(results).encode())
    if args.survivors_dir is not None:
        args.survivors_dir.mkdir(parents=True, exist_ok=True)
        name = module.removeprefix("src/").removesuffix(".py").replace("/", ".")
        path = args.survivors_dir / f"survivors-{name}.txt"
        write_file(path, survivor_list(results[-1]).encode())


def main() -> None:
    """Measure every module asked for, writing the report after each one."""
    args = _arguments()
    results: list[ModuleResult] = []
    for module in args.module or list(TESTS):
        tests = TESTS.get(module) or tuple(args.tests)
        work = args.workdir / module.removesuffix(".py").replace("/", ".")
        stdout.write(f"{module}: mutating in {work} ...\n")
        stdout.flush()
        results.append(
            measure(module, tests, work=work, jobs=args.jobs, time_limit=args.time_limit)
        )
        _save(args, module, results)
        stdout.write(_row(results[-1]) + "\n")
        stdout.flush()
    stdout.write(report(results))


if __name__ == "__main__":
    main()
