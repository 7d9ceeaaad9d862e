"""`canon check` as a service: configuration, selection, the run, fixes and the report."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import unified_diff
from os import cpu_count
from pathlib import Path
from typing import TYPE_CHECKING

from canon.cache import CACHE_DIR
from canon.checks.config import load_config
from canon.checks.files import RunRequest, run
from canon.checks.output import render_json, render_sarif, render_statistics, render_text, summary
from canon.checks.rulebook import find_standards, load_rulebook
from canon.checks.source import resolve_selection
from canon.errors import InputError

if TYPE_CHECKING:
    from canon.checks.config import Config
    from canon.checks.files import FileReport, RunReport
    from canon.checks.rulebook import RuleBook

__all__ = ["FORMATS", "CheckOutcome", "CheckRequest", "check_paths"]

FORMATS = ("text", "json", "sarif")


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckRequest:
    """What `canon check` was asked.

    Attributes:
        paths: Files and folders to check.
        output_format: `text`, `json` or `sarif`.
        select: Rule or check ids to run (replaces the configured selection).
        ignore: Rule or check ids not to run (added to the configured ones).
        statistics: Count findings per rule instead of listing them.
        fix: Write the safe fixes.
        diff: Print the safe fixes as a diff, write nothing.
        jobs: Worker processes; None for one per core.
        cache: Whether to reuse results of unchanged files.
        start: The working folder.
    """

    paths: tuple[Path, ...]
    output_format: str = "text"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    statistics: bool = False
    fix: bool = False
    diff: bool = False
    jobs: int | None = None
    cache: bool = True
    start: Path = Path()


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckOutcome:
    """What to print and how to exit.

    Attributes:
        stdout: The report (data).
        messages: Lines for stderr.
        exit_code: 0 clean, 1 findings (or a diff), 2 never (errors raise).
    """

    stdout: str
    messages: tuple[str, ...]
    exit_code: int


def check_paths(request: CheckRequest) -> CheckOutcome:
    """Run `canon check`.

    Args:
        request: The command's arguments.

    Returns:
        The report and the exit code.

    Raises:
        InputError: Bad arguments, configuration or standard, or a path that does not exist.
    """
    if request.output_format not in FORMATS:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}")
    config = load_config(request.start)
    book = load_rulebook(find_standards(request.start))
    run_request = _run_request(request, config, book)
    report = run(run_request)
    messages: list[str] = []
    if request.fix or request.diff:
        # --diff shows the fixes and never writes, with or without --fix
        write = request.fix and not request.diff
        changed, diff_text = _apply_fixes(report, run_request, write=write, messages=messages)
        if request.diff:
            return CheckOutcome(
                stdout=diff_text,
                messages=(*messages, f"{len(changed)} file(s) would be fixed"),
                exit_code=1 if changed else 0,
            )
        if changed:
            messages.append(f"fixed {len(changed)} file(s)")
            report = run(run_request)
    stdout = _render(report, book, request, config)
    messages.extend(warning for file in report.files for warning in file.warnings)
    if request.output_format == "text":
        messages.append(summary(report))
    has_findings = any(file.findings for file in report.files)
    return CheckOutcome(stdout=stdout, messages=tuple(messages), exit_code=1 if has_findings else 0)


def _run_request(request: CheckRequest, config: Config, book: RuleBook) -> RunRequest:
    select_words = request.select or config.select
    selected = book.check_ids(select_words, option="--select") if select_words else None
    ignored = book.check_ids((*config.ignore, *request.ignore), option="--ignore")
    if select_words and not _known(selected):
        source = "--select" if request.select else "select in the configuration"
        raise InputError(f"{source} names no check: nothing would be checked")
    check_ids = tuple(c for c in resolve_selection(_known(selected)) if c not in ignored)
    if not check_ids:
        raise InputError("--ignore leaves no check to run: nothing would be checked")
    per_file = {
        glob: book.check_ids(ids, option=f"per-file-ignores {glob!r}")
        for glob, ids in config.per_file_ignores.items()
    }
    aliases = {rule.id: rule.check for rule in book.rules if rule.check}
    jobs = request.jobs if request.jobs is not None else (cpu_count() or 1)
    if jobs < 1:
        raise InputError("--jobs must be at least 1")
    return RunRequest(
        paths=request.paths,
        check_ids=check_ids,
        settings=config.settings,
        per_file_ignores=per_file,
        exclude=config.exclude,
        aliases=aliases,
        jobs=jobs,
        cache_dir=(config.root / CACHE_DIR) if request.cache else None,
    )


def _known(selected: frozenset[str] | None) -> frozenset[str] | None:
    from canon.checks.catalog import CHECK_IDS

    return None if selected is None else selected & CHECK_IDS


def _render(report: RunReport, book: RuleBook, request: CheckRequest, config: Config) -> str:
    if request.output_format == "json":
        return render_json(report, book)
    if request.output_format == "sarif":
        return render_sarif(report, book, config.root)
    if request.statistics:
        return render_statistics(report, book)
    return render_text(report, book)


def _apply_fixes(
    report: RunReport, request: RunRequest, *, write: bool, messages: list[str]
) -> tuple[list[str], str]:
    from canon.checks.fixes import fix_source

    enabled = frozenset(request.check_ids)
    changed: list[str] = []
    diffs: list[str] = []
    for file in report.files:
        if not any(finding.fixable for finding in file.findings):
            continue
        wanted = {(f.check, f.line, f.column) for f in file.findings if f.fixable}
        fixed = fix_source(file.source, _fixable_checks(file) & enabled, wanted=wanted)
        if fixed == file.source:
            continue
        if write:
            refusal = _write_fixed(Path(file.path), file.source, fixed)
            if refusal is not None:
                messages.append(f"warning: {file.path}: {refusal}; not fixed")
                continue
        changed.append(file.path)
        diffs.extend(
            unified_diff(
                file.source.splitlines(keepends=True),
                fixed.splitlines(keepends=True),
                fromfile=f"a/{file.path}",
                tofile=f"b/{file.path}",
            )
        )
    return changed, "".join(diffs)


def _fixable_checks(file: FileReport) -> frozenset[str]:
    return frozenset(finding.check for finding in file.findings if finding.fixable)


def _write_fixed(path: Path, source: str, fixed: str) -> str | None:
    """Write a fixed file in its own encoding (coding cookie, BOM), newlines and mode.

    Returns:
        Why the file was not written, or None once it was.
    """
    from io import BytesIO
    from tokenize import detect_encoding

    from canon.safe_write import write_file

    if path.is_symlink():
        return "a symlink (fix the file it points to)"
    try:
        data = path.read_bytes()
        encoding, _ = detect_encoding(BytesIO(data).readline)
        if data.decode(encoding) != source:
            return "changed since it was checked"
        write_file(path, fixed.encode(encoding))
    except (OSError, SyntaxError, UnicodeError, LookupError) as exc:
        return f"cannot be written back in its encoding ({exc})"
    except InputError as exc:
        return exc.message
    return None
