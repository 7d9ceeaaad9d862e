"""Check files: discover them, reuse cached results, run the rest in parallel processes.

Paths named on the command line are always checked; folders are walked for `*.py` files,
skipping hidden folders and `__pycache__` only (no ignore file is consulted behind the user's
back). A file that cannot be read is one `unreadable` finding and the run goes on.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from fnmatch import fnmatch
from functools import cache
from hashlib import sha256
from io import BytesIO, StringIO
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path, PurePosixPath
from re import compile as re_compile
from tokenize import COMMENT, TokenError, detect_encoding, generate_tokens
from typing import TYPE_CHECKING

from orjson import dumps, loads

from canon import __version__
from canon.cache import store
from canon.checks.model import SPECIAL_CHECKS, CheckResult, Finding, Settings, Tally
from canon.errors import InputError, Position, display_path

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["FileReport", "RunReport", "RunRequest", "discover", "run"]

_PARALLEL_BYTES = 64_000  # below this much code, starting workers costs more than it saves
# a canon comment (`#` then `canon:`), and the one form it may take: `ignore` alone or
# `ignore[ID,...]`, each followed by nothing or by a space and any reason
_CANON_COMMENT = re_compile(r"#\s*canon\s*:")
_SUPPRESSION = re_compile(r"\s*ignore(?:\[([^\]]*)\]|(?=\s|$))")


@dataclass(frozen=True, slots=True, kw_only=True)
class RunRequest:
    """What to check and how.

    Attributes:
        paths: Files and folders named by the user.
        check_ids: The checks to run.
        settings: Thresholds.
        per_file_ignores: Glob to check ids not run on matching files.
        exclude: Globs of paths not to walk into (named files are still checked).
        aliases: Rule id to check id, for suppression comments naming rules.
        jobs: Worker processes; 1 checks in this process.
        cache_dir: Where to keep results by content; None for no cache.
    """

    paths: tuple[Path, ...]
    check_ids: tuple[str, ...]
    settings: Settings = field(default_factory=Settings)
    per_file_ignores: Mapping[str, frozenset[str]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)
    jobs: int = 1
    cache_dir: Path | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FileReport:
    """The result for one file.

    Attributes:
        path: The file as shown to users.
        findings: Its findings after suppressions.
        tally: One tally per check run on it.
        source: Its text ("" when unreadable).
        warnings: Lines to show on stderr (unknown ids in suppressions).
    """

    path: str
    findings: tuple[Finding, ...]
    tally: Mapping[str, Tally]
    source: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RunReport:
    """The result of a run.

    Attributes:
        files: One report per file, sorted by path.
        cached: How many files came from the cache.
    """

    files: tuple[FileReport, ...]
    cached: int = 0


def _excluded(path: Path, exclude: tuple[str, ...]) -> bool:
    text = path.as_posix()
    return any(fnmatch(text, glob) or fnmatch(path.name, glob) for glob in exclude)


def discover(paths: tuple[Path, ...], exclude: tuple[str, ...] = ()) -> list[Path]:
    """The Python files to check.

    Args:
        paths: Files and folders.
        exclude: Globs of paths not to walk into.

    Returns:
        The files, each once, in order.

    Raises:
        InputError: A path does not exist, or is neither a regular file nor a folder.
    """
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_file():
            found[path] = None
        elif path.is_dir():
            found.update(dict.fromkeys(_walk(path, exclude)))
        elif path.exists():
            raise InputError("not a regular file or a folder; refused", Position(path=path))
        else:
            raise InputError("no such file or folder", Position(path=path))
    return list(found)


def _walk(folder: Path, exclude: tuple[str, ...]) -> Iterator[Path]:
    for base, dirs, files in folder.walk():
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d != "__pycache__" and not _excluded(base / d, exclude)
        )
        for name in sorted(files):
            candidate = base / name
            # regular files only: a FIFO, socket or device named *.py would hang the read
            if name.endswith(".py") and candidate.is_file() and not _excluded(candidate, exclude):
                yield candidate


@dataclass(frozen=True, slots=True, kw_only=True)
class _Job:
    path: str
    source: str
    check_ids: tuple[str, ...]
    settings: Settings
    key: str


def _check_job(job: _Job) -> CheckResult:
    from canon.checks.engine import run_checks

    return run_checks(job.source, path=job.path, check_ids=job.check_ids, settings=job.settings)


def run(request: RunRequest) -> RunReport:
    """Check every file of the request.

    Args:
        request: What to check and how.

    Returns:
        The report, files sorted by path.

    Raises:
        InputError: A named path does not exist.
    """
    files = discover(request.paths, request.exclude)
    reports: dict[str, FileReport] = {}
    jobs: list[_Job] = []
    cached = 0
    for path in files:
        shown = display_path(path)
        source, problem = _read(path)
        if problem is not None:
            reports[shown] = FileReport(path=shown, findings=(problem,), tally={})
            continue
        job = _job(request, shown, source)
        hit = _cache_get(request.cache_dir, job.key)
        if hit is not None:
            cached += 1
            reports[shown] = _finish(request, job, hit)
        else:
            jobs.append(job)
    jobs.sort(key=lambda job: len(job.source), reverse=True)  # big files first: even shares
    for job, result in zip(jobs, _execute(jobs, request.jobs), strict=True):
        _cache_put(request.cache_dir, job.key, result)
        reports[job.path] = _finish(request, job, result)
    return RunReport(files=tuple(reports[key] for key in sorted(reports)), cached=cached)


def _read(path: Path) -> tuple[str, Finding | None]:
    try:
        data = path.read_bytes()
        encoding, _ = detect_encoding(BytesIO(data).readline)
        return data.decode(encoding), None
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        message = f"cannot read the file: {reason}"
        finding = Finding(
            check="unreadable", line=1, column=1, end_line=1, end_column=1, message=message
        )
        return "", finding


def _job(request: RunRequest, shown: str, source: str) -> _Job:
    ignored: set[str] = set()
    for glob, ids in request.per_file_ignores.items():
        if fnmatch(shown, glob) or fnmatch(Path(shown).name, glob):
            ignored.update(ids)
    check_ids = tuple(c for c in request.check_ids if c not in ignored)
    digest = sha256()
    parts = (_code_fingerprint(), ",".join(check_ids), repr(request.settings), Path(shown).name)
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(source.encode("utf-8", "surrogatepass"))
    return _Job(
        path=shown,
        source=source,
        check_ids=check_ids,
        settings=request.settings,
        key=digest.hexdigest(),
    )


@cache
def _code_fingerprint() -> str:
    """Fingerprint canon's version and its checks' code: edited checks invalidate the cache."""
    digest = sha256(__version__.encode())
    for source in sorted(Path(__file__).parent.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _execute(jobs: list[_Job], workers: int) -> list[CheckResult]:
    small = sum(len(job.source) for job in jobs) < _PARALLEL_BYTES
    if workers <= 1 or len(jobs) <= 1 or small:
        return [_check_job(job) for job in jobs]
    methods = get_all_start_methods()
    context = get_context("fork" if "fork" in methods else None)
    workers = min(workers, len(jobs))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_check_job, jobs, chunksize=1))


def _cache_get(folder: Path | None, key: str) -> CheckResult | None:
    if folder is None:
        return None
    try:
        data = loads((folder / key[:2] / f"{key}.json").read_bytes())
        findings = tuple(Finding(**item) for item in data["findings"])
        tally = {
            name: Tally(opportunities=o, violations=v) for name, (o, v) in data["tally"].items()
        }
        failed = frozenset(str(name) for name in data["failed"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    syntax = next((f for f in findings if f.check == "syntax"), None)
    return CheckResult(findings=findings, tally=tally, syntax_error=syntax, failed=failed)


def _cache_put(folder: Path | None, key: str, result: CheckResult) -> None:
    if folder is None:
        return
    data = {
        "findings": [asdict(finding) for finding in result.findings],
        "tally": {name: [t.opportunities, t.violations] for name, t in result.tally.items()},
        "failed": sorted(result.failed),
    }
    store(folder, {PurePosixPath(key[:2], f"{key}.json"): dumps(data)})


def _finish(request: RunRequest, job: _Job, result: CheckResult) -> FileReport:
    comments = _suppressions(job.source, request.aliases)
    findings, suppressed = _suppress(comments, result.findings, request.aliases)
    findings = tuple(sorted((*findings, *comments.bad), key=lambda f: (f.line, f.column)))
    tally = dict(result.tally)
    for check_id, count in suppressed.items():
        if check_id in tally:
            old = tally[check_id]
            tally[check_id] = Tally(
                opportunities=old.opportunities, violations=old.violations - count
            )
    warnings = tuple(f"warning: {job.path}:{where}: {text}" for where, text in comments.unknown)
    return FileReport(
        path=job.path, findings=findings, tally=tally, source=job.source, warnings=warnings
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Suppressions:
    """A file's `# canon:` comments.

    Attributes:
        lines: Physical line number to the ids it silences (None: every finding on it).
        bad: A `bad-suppression` finding for each comment of another form.
        unknown: `(line:column, message)` for each id no check or rule has.
    """

    lines: dict[int, frozenset[str] | None] = field(default_factory=dict)
    bad: tuple[Finding, ...] = ()
    unknown: tuple[tuple[str, str], ...] = ()


def _suppressions(source: str, aliases: Mapping[str, str]) -> _Suppressions:
    if "canon" not in source:
        return _Suppressions()
    from canon.checks.catalog import CHECK_IDS

    known = CHECK_IDS | SPECIAL_CHECKS.keys() | aliases.keys()
    lines: dict[int, frozenset[str] | None] = {}
    bad: list[Finding] = []
    unknown: list[tuple[str, str]] = []
    for number, column, text in _canon_comments(source):
        match = _SUPPRESSION.match(text)
        words = None if match is None or match[1] is None else _words(match[1])
        if match is None or words == frozenset():
            message = f"`# canon:{text}` silences nothing; write `# canon: ignore[ID,...]`"
            bad.append(_at(number, column, message))
            continue
        lines[number] = words
        where = f"{number}:{column}"
        unknown.extend(
            (where, f"unknown id {word!r} in a suppression")
            for word in sorted((words or frozenset()) - known)
        )
    return _Suppressions(lines=lines, bad=tuple(bad), unknown=tuple(unknown))


def _canon_comments(source: str) -> Iterator[tuple[int, int, str]]:
    """Each `# canon:` comment (never a string): its line, column, and the text after `canon:`.

    Lines are the tokenizer's physical lines (a form feed is no line break), as libcst's.
    """
    with suppress(TokenError, SyntaxError):  # unparsable: its syntax error is the finding
        for token in generate_tokens(StringIO(source).readline):
            if token.type == COMMENT and (found := _CANON_COMMENT.search(token.string)):
                line, column = token.start
                yield line, column + found.start() + 1, token.string[found.end() :].rstrip()


def _at(line: int, column: int, message: str) -> Finding:
    return Finding(
        check="bad-suppression",
        line=line,
        column=column,
        end_line=line,
        end_column=column,
        message=message,
    )


def _words(listed: str) -> frozenset[str]:
    return frozenset(word.strip() for word in listed.split(",") if word.strip())


def _suppress(
    comments: _Suppressions, findings: tuple[Finding, ...], aliases: Mapping[str, str]
) -> tuple[tuple[Finding, ...], dict[str, int]]:
    """Drop findings whose physical line carries a suppression naming them (or naming none)."""
    if not comments.lines:
        return findings, {}
    kept: list[Finding] = []
    suppressed: dict[str, int] = {}
    for finding in findings:
        if finding.line in comments.lines and _names(
            comments.lines[finding.line], finding.check, aliases
        ):
            suppressed[finding.check] = suppressed.get(finding.check, 0) + 1
        else:
            kept.append(finding)
    return tuple(kept), suppressed


def _names(listed: frozenset[str] | None, check_id: str, aliases: Mapping[str, str]) -> bool:
    if listed is None:
        return True
    return check_id in listed or any(aliases.get(word) == check_id for word in listed)
