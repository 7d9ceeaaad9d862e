"""The `canon` command: parse options, call one service, print. Heavy imports stay lazy."""

from __future__ import annotations

from os import environ
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

from typer import Argument, Exit, Option, Typer

if TYPE_CHECKING:
    from collections.abc import Callable

    from canon.checks.rulebook import RuleBook
    from canon.checks.service import CheckRequest
    from canon.compiler.service import CompileOutcome
    from canon.errors import CanonError
    from canon.reports.service import ReportFiles

__all__ = ["app", "main"]

app = Typer(
    name="canon",
    help="Write coding standards once as YAML; compile them for every AI coding assistant.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

_SHOWN_REGRESSIONS = 5
QUIET = Option("--quiet", "-q", help="Print nothing but errors and warnings.")


def _version(value: bool) -> None:
    if value:
        from canon import __version__

        _out(f"canon {__version__}\n")
        raise Exit


@app.callback()
def _options(
    version: Annotated[
        bool,
        Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Write coding standards once as YAML; compile them for every AI coding assistant."""


def _out(text: str) -> None:
    # looked up on each call: typer's test runner swaps the streams after import
    from sys import stdout

    stdout.write(text)


def _err(text: str) -> None:
    from sys import stderr

    stderr.write(text)


def _say(message: str, *, quiet: bool = False) -> None:
    if not quiet:
        _err(f"canon: {message}\n")


def _guarded[T](action: Callable[[], T]) -> T:
    """Run a command's work, turning user errors into one line and exit code 2."""
    from canon.errors import CanonError

    try:
        return action()
    except CanonError as exc:
        _refuse(exc)


def _refuse(error: CanonError) -> NoReturn:
    """Print a user error as one line and exit with its code (2)."""
    _err(f"canon: {error}\n")
    raise Exit(error.exit_code) from None


_FORMATS: dict[str, tuple[tuple[str, ...], str]] = {
    # each command's --format choices, and the line it has always refused any other with
    "check": (("text", "json", "sarif"), "--format must be one of text, json, sarif"),
    "compare": (("markdown", "json"), "unknown format {value!r} (markdown or json)"),
    "rules": (("text", "json", "markdown"), "--format must be text, json or markdown"),
    "targets": (("text", "json"), "unknown format {value!r} (text, json)"),
}


def _output_format(command: str, value: str) -> str:
    """Refuse a `--format` the command does not write: the one place that does, exit 2."""
    from canon.errors import InputError

    choices, refusal = _FORMATS[command]
    if value not in choices:
        _refuse(InputError(refusal.format(value=value)))
    return value


_STANDARD_DIRS = Argument(
    metavar="[STANDARD_DIR]...",
    help="Standard folders to compile without the manifest.",
    show_default=False,
)
_TARGETS = Option("--target", "-t", help="Target to write (repeatable).", show_default=False)
_COMPILE_OUT = Option(help="Folder to write into (with STANDARD_DIR...).", show_default=False)
_CHECK = Option("--check", help="Write nothing; exit 1 if any file would change.")
_VARIANT = Option(help="full, condensed, keep:SECTION,..., drop:SECTION,... or budget:TOKENS.")
_ALLOW_OVERSIZE = Option(
    help="Write files over a target's size limit (warning) instead of failing."
)
_COMPILE_NO_CACHE = Option("--no-cache", help="Run the full check even when nothing changed.")


_ADOPT = Option(
    "--adopt",
    metavar="PATH",
    help="Let canon replace or delete this file although it did not write it (repeatable).",
    show_default=False,
)


@app.command("compile")
def _compile_command(  # canon: ignore[functions.max-parameters] typer: one per option
    standards: Annotated[list[Path] | None, _STANDARD_DIRS] = None,
    target: Annotated[list[str] | None, _TARGETS] = None,
    out: Annotated[Path | None, _COMPILE_OUT] = None,
    check: Annotated[bool, _CHECK] = False,
    variant: Annotated[str, _VARIANT] = "full",
    allow_oversize: Annotated[bool, _ALLOW_OVERSIZE] = False,
    no_cache: Annotated[bool, _COMPILE_NO_CACHE] = False,
    adopt: Annotated[list[Path] | None, _ADOPT] = None,
    quiet: Annotated[bool, QUIET] = False,
) -> None:
    """Compile standards into the instruction files each assistant reads.

    With no STANDARD_DIR, reads instructions/canon.yaml and writes every file it names,
    deleting files it generated before whose source is gone. canon.lock records the hash of
    each file written: a file canon did not write, or one edited since, is never replaced or
    deleted unless named by --adopt. `--target all` writes every target. A standard made by
    `canon import` compiled without --target gives back the file it came from.
    """
    from canon.compiler.request import CompileRequest
    from canon.compiler.service import CompileRun, compile_project

    request = CompileRequest(
        standards=tuple(standards or ()),
        targets=tuple(target or ()),
        out=out,
        variant=variant,
        allow_oversize=allow_oversize,
        adopt=tuple(adopt or ()),
    )
    run = CompileRun(request=request, check=check, cache=not no_cache)
    _print_compiled(_guarded(lambda: compile_project(run)), quiet=quiet)


def _print_compiled(outcome: CompileOutcome, *, quiet: bool) -> None:
    for said in outcome.said:
        if said.data:
            _out(said.text)
        else:
            _say(said.text, quiet=quiet and not said.always)
    if outcome.error is not None:
        _refuse(outcome.error)
    if outcome.exit_code:
        raise Exit(outcome.exit_code)


@app.command("targets")
def _targets_command(
    output_format: Annotated[
        str, Option("--format", help="text or json.", show_default=True)
    ] = "text",
) -> None:
    """List the assistant formats canon writes: paths, size limit, documentation."""
    _output_format("targets", output_format)
    from canon.compiler.target_table import target_table

    _out(_guarded(lambda: target_table(output_format)))


@app.command("import")
def _import_command(
    files: Annotated[list[Path], Argument(metavar="FILE...", help="Files to import.")],
    out: Annotated[Path, Option(help="Folder to write one standard folder per file into.")],
    force: Annotated[
        bool, Option("--force", help="Replace the files of a standard that exists already.")
    ] = False,
    quiet: Annotated[bool, QUIET] = False,
) -> None:
    """Turn instruction files into standards that compile back to the same bytes.

    Reads Copilot .instructions.md, Cursor .mdc, AGENTS.md, CLAUDE.md and plain Markdown.
    A file that cannot come back byte for byte is refused, and nothing is written. An
    existing standard folder is refused unless --force; with it, files import does not write
    are left alone.
    """
    from canon.importer.service import import_files

    outcome = _guarded(lambda: import_files(list(files), out, force=force))
    for item in outcome.imported:
        how = "rules and sections" if item.structured else "verbatim"
        _say(f"imported {item.name} ({item.source_format}, {how})", quiet=quiet)
    for path in outcome.replaced:
        _say(f"replaced {out / path}", quiet=quiet)
    for path in outcome.left:
        _say(
            f"warning: {out / path}: not written by this import; left alone, still in the standard"
        )
    applied = outcome.applied
    _say(f"{len(applied.written)} written, {len(applied.unchanged)} unchanged", quiet=quiet)


@app.command("schema")
def _schema_command(
    kind: Annotated[
        str,
        Argument(help="Which file: all, section, standard or manifest."),
    ] = "all",
) -> None:
    """Print the JSON Schema of canon's YAML files, for editors to validate them."""
    from canon.standards.schema import schema_json

    _out(_guarded(lambda: schema_json(kind)))


_EVAL_CONFIG = Option(
    metavar="FILE",
    help="Eval configuration file (default: evals/configs/default.yaml).",
    show_default=False,
)
_MODELS = Option(
    "--model",
    "-m",
    metavar="MODEL",
    help="Model replacing the configurations' (repeatable).",
    show_default=False,
)
_LIMIT = Option(min=1, metavar="N", help="Run only the first N tasks.", show_default=False)
_EPOCHS = Option(min=1, metavar="K", help="Runs per task.", show_default=False)
_LOG_DIR = Option(
    metavar="DIR",
    help="Log folder (default: a fresh logs/<UTC stamp>/; reuse to resume).",
    show_default=False,
)
_REPORT_DIR = Option(
    metavar="DIR", help="Report folder (default: reports/<UTC stamp>/).", show_default=False
)


@app.command("eval")
def _eval_command(  # canon: ignore[functions.max-parameters] typer: one per option
    config: Annotated[Path | None, _EVAL_CONFIG] = None,
    model: Annotated[list[str] | None, _MODELS] = None,
    limit: Annotated[int | None, _LIMIT] = None,
    epochs: Annotated[int | None, _EPOCHS] = None,
    log_dir: Annotated[Path | None, _LOG_DIR] = None,
    report_dir: Annotated[Path | None, _REPORT_DIR] = None,
    quiet: Annotated[bool, QUIET] = False,
) -> None:
    """Run the eval suite: models write the task bank's code under each configuration.

    With no options, runs evals/configs/default.yaml offline with the calibration providers.
    Exit 0 when every configuration completed, 1 when any did not, 2 on a usage error.
    """
    from canon.evals.project import find_eval_root
    from canon.evals.runner import EvalRequest, run_eval

    def run() -> object:
        request = EvalRequest(
            root=find_eval_root(Path.cwd()),
            config=config,
            models=tuple(model or ()),
            limit=limit,
            epochs=epochs,
            log_dir=log_dir,
            report_dir=report_dir,
            quiet=quiet,
        )
        return run_eval(request)

    outcome = _guarded(run)
    _print_outcome(outcome)
    if not outcome.complete:
        _say("some configurations did not complete; rerun with --log-dir to resume")
        raise Exit(1)


def _print_outcome(outcome: object) -> None:
    from canon.reports.table import text_table

    _out(text_table(outcome.summaries))
    _say(f"logs: {outcome.log_dir}")
    _say(f"report: {outcome.report_dir / 'report.html'} (and summary.md, summary.json)")


@app.command("report")
def _report_command(
    logs: Annotated[
        list[Path],
        Argument(
            metavar="LOGS...", help="Eval logs or log folders (dated run folders make the history)."
        ),
    ],
    out: Annotated[
        Path, Option(help="Folder to write summary.md, report.html and summary.json into.")
    ],
    baseline: Annotated[
        list[Path] | None,
        Option(
            help="Baseline logs or folder (repeatable); exit 1 on a drop beyond its interval.",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[bool, QUIET] = False,
) -> None:
    """Report per-rule compliance per configuration, paired comparisons, lift and history.

    Prints the Markdown report; exit 0, 1 on a regression against --baseline, 2 on an error.
    """
    from canon.reports import write_report

    written = _guarded(lambda: write_report(logs, out, baseline=tuple(baseline or ())))
    _finish_report(written, quiet=quiet)


@app.command("compare")
def _compare_command(
    log_a: Annotated[Path, Argument(metavar="LOG_A", help="The reference log or folder.")],
    log_b: Annotated[Path, Argument(metavar="LOG_B", help="The log or folder judged.")],
    out: Annotated[
        Path | None,
        Option(
            help="Also write summary.md, report.html and summary.json here.", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        str, Option("--format", help="What to print: markdown or json.")
    ] = "markdown",
    quiet: Annotated[bool, QUIET] = False,
) -> None:
    """Compare two configurations (or two runs) on the same tasks and epochs, rule by rule.

    Exit 0, or 2 on an error.
    """
    _output_format("compare", output_format)
    from canon.reports import compare_logs

    written = _guarded(lambda: compare_logs(log_a, log_b, out))
    if output_format == "json":
        from canon.reports.document import summary_text

        _out(summary_text(written.report))
        if out is not None:
            _say(f"wrote {out}", quiet=quiet)
        return
    _finish_report(written, quiet=quiet)


def _finish_report(written: ReportFiles, *, quiet: bool) -> None:
    _out(written.markdown)
    if written.folder is not None:
        _say(f"wrote {written.folder / 'report.html'}", quiet=quiet)
    gate = written.report.gate
    if gate is None:
        return
    if gate.passed:
        _say(
            f"regression gate passed ({len(gate.compared)} configuration(s) compared)", quiet=quiet
        )
        return
    if not gate.compared:
        _say(f"regression gate {gate.verdict} (baseline: {', '.join(gate.missing) or 'none'})")
    for item in gate.regressions[:_SHOWN_REGRESSIONS]:
        _say(f"regression: {item.configuration}: {item.measure} fell below the baseline's interval")
    hidden = len(gate.regressions) - _SHOWN_REGRESSIONS
    if hidden > 0:
        _say(f"... and {hidden} more regression(s), listed in the report")
    raise Exit(1)


_SELECT = Option(help="Rule or check ids to run (comma-separated or repeated).")
_IGNORE = Option(help="Rule or check ids to skip (comma-separated or repeated).")
_STATISTICS = Option(help="Count findings per rule.")
_FIX = Option(help="Apply the safe fixes.")
_DIFF = Option(help="Show the safe fixes; write nothing.")
_JOBS = Option("--jobs", "-j", help="Processes (default: the cores).")
_CHECK_NO_CACHE = Option("--no-cache", help="Ignore .canon-cache/.")


@app.command("check")
def _check_command(  # canon: ignore[functions.max-parameters] typer: one per option
    paths: Annotated[list[Path], Argument(metavar="PATH...", help="Files and folders.")],
    output_format: Annotated[str, Option("--format", help="text, json or sarif.")] = "text",
    select: Annotated[list[str] | None, _SELECT] = None,
    ignore: Annotated[list[str] | None, _IGNORE] = None,
    statistics: Annotated[bool, _STATISTICS] = False,
    fix: Annotated[bool, _FIX] = False,
    diff: Annotated[bool, _DIFF] = False,
    jobs: Annotated[int | None, _JOBS] = None,
    no_cache: Annotated[bool, _CHECK_NO_CACHE] = False,
    quiet: Annotated[bool, QUIET] = False,
) -> None:
    """Check Python code against the standard's rules (exit 0 clean, 1 findings, 2 error)."""
    _output_format("check", output_format)
    from canon.checks.service import CheckRequest

    request = CheckRequest(
        paths=tuple(paths),
        output_format=output_format,
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        statistics=statistics,
        fix=fix,
        diff=diff,
        jobs=jobs,
        cache=not no_cache,
    )
    _check(request, quiet=quiet)


def _check(request: CheckRequest, *, quiet: bool) -> None:
    from canon.checks.service import check_paths

    outcome = _guarded(lambda: check_paths(request))
    _out(outcome.stdout)
    for message in outcome.messages:
        _say(message, quiet=quiet)
    raise Exit(outcome.exit_code)


@app.command("rules")
def _rules_command(
    rule_id: Annotated[str | None, Argument(metavar="[RULE_ID]", help="Explain this rule.")] = None,
    output_format: Annotated[
        str, Option("--format", help="text, json, or markdown (one page per rule, with --out).")
    ] = "text",
    out: Annotated[
        Path | None, Option("--out", help="Folder to write the rule pages into (markdown).")
    ] = None,
    check: Annotated[
        bool, Option("--check", help="With --out: write nothing; exit 1 if a page would change.")
    ] = False,
) -> None:
    """List the rules and their checks, explain one rule, or write a page per rule."""
    _output_format("rules", output_format)
    from canon.checks.rulebook import find_standards, load_rulebook

    book = _guarded(lambda: load_rulebook(find_standards(Path())))
    if output_format == "markdown" and rule_id is None:
        _rule_pages(book, out, check=check)
        return
    if out is not None or check:
        _refuse_usage("--out and --check go with --format markdown and no RULE_ID")
    from canon.checks.explain import explain_rule, list_rules

    if rule_id is None:
        _out(_guarded(lambda: list_rules(book, output_format=output_format)))
    else:
        text = _guarded(lambda: explain_rule(book, rule_id, output_format=output_format))
        _out(text)


def _rule_pages(book: RuleBook, out: Path | None, *, check: bool) -> None:
    """Write (or check) one Markdown page per rule and exit with the outcome's code."""
    from canon.checks.pages import PagesRequest, write_pages

    if out is None:
        _refuse_usage("--format markdown writes one page per rule: pass --out DIR")
    outcome = _guarded(lambda: write_pages(book, PagesRequest(folder=out, check=check)))
    for message in outcome.messages:
        _say(message)
    raise Exit(outcome.exit_code)


def _refuse_usage(message: str) -> NoReturn:
    from canon.errors import InputError

    _refuse(InputError(message))


def main() -> None:
    """Run the command line."""
    # canon's models use no pydantic plugin; looking for them scans every installed package.
    environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app()
