"""The engine: parse once, run every selected check in one batched traversal.

Imported lazily (it imports libcst). `run_checks` never raises on input: unparseable code is
one `syntax` finding, a tree too deep to walk is one `too-deep` finding, and a check that raises
is one `check-error` finding while the other checks keep their results.
"""

from __future__ import annotations

from ast import parse
from functools import cache
from importlib import import_module
from re import sub
from typing import TYPE_CHECKING
from warnings import catch_warnings

from libcst import ParserSyntaxError, parse_module

from canon.checks.base import ContextPop, ContextPush, FileContext
from canon.checks.catalog import CHECKS
from canon.checks.model import CheckResult, Finding, Settings, Tally
from canon.checks.positions import node_spans
from canon.checks.walk import walk_batched

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from libcst import BatchableCSTVisitor, Module

    from canon.checks.base import Check

__all__ = ["check_classes", "parse_error_finding", "run_checks", "traverse"]

type Span = tuple[int, int, int, int]


@cache
def _check_class(check_id: str) -> type[Check]:
    module, _, name = CHECKS[check_id].implementation.rpartition(".")
    implementation: type[Check] = getattr(import_module(module), name)
    return implementation


def check_classes(check_ids: Iterable[str]) -> list[type[Check]]:
    """The implementation of each check id, in the order given.

    Args:
        check_ids: Known check ids.

    Returns:
        The check classes.
    """
    return [_check_class(check_id) for check_id in check_ids]


def parse_error_finding(error: ParserSyntaxError) -> Finding:
    """Turn libcst's parser error into a `syntax` finding at the parser's position.

    Args:
        error: The parser's error.

    Returns:
        The finding.
    """
    first = error.message.splitlines()[0] if error.message else "invalid syntax"
    message = sub(r"^(parser error: )?(error at \d+:\d+: )?", "", first)
    return Finding(
        check="syntax",
        line=error.editor_line,
        column=error.editor_column,
        end_line=error.editor_line,
        end_column=error.editor_column,
        message=f"syntax error: {message}",
    )


def _python_syntax_error(source: str) -> Finding | None:
    """Python's own account of a syntax error: its positions are sharper than libcst's."""
    try:
        with catch_warnings(action="ignore"):
            parse(source)
    except SyntaxError as error:
        line = error.lineno or 1
        column = error.offset or 1
        end_line = error.end_lineno or line
        end_column = error.end_offset or column
        end_line, end_column = max((end_line, end_column), (line, column))
        return Finding(
            check="syntax",
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            message=f"syntax error: {error.msg}",
        )
    except (ValueError, RecursionError, MemoryError):
        return None
    return None


def _whole_file(check: str, message: str) -> Finding:
    return Finding(check=check, line=1, column=1, end_line=1, end_column=1, message=message)


def run_checks(
    source: str, *, path: str, check_ids: tuple[str, ...], settings: Settings | None = None
) -> CheckResult:
    """Check one source with the given checks in one batched traversal.

    Args:
        source: The code.
        path: Its path, for checks that look at file names.
        check_ids: The checks to run (known ids).
        settings: Thresholds; the standard's by default.

    Returns:
        Findings sorted by position, and one tally per check id.
    """
    empty = {check_id: Tally() for check_id in check_ids}
    try:
        module = parse_module(source)
    except ParserSyntaxError as error:
        syntax = _python_syntax_error(source) or parse_error_finding(error)
        return CheckResult(findings=(syntax,), tally=empty, syntax_error=syntax)
    except RecursionError:
        deep = _whole_file("too-deep", "the file nests too deeply to parse")
        return CheckResult(findings=(deep,), tally=empty, failed=frozenset(check_ids))
    try:
        checks, spans = traverse(
            module, source=source, path=path, check_ids=check_ids, settings=settings
        )
    except RecursionError:
        message = "the file nests too deeply for libcst to walk; it was not checked"
        deep = _whole_file("too-deep", message)
        return CheckResult(findings=(deep,), tally=empty, failed=frozenset(check_ids))
    return _result(checks, spans)


def traverse(
    module: Module,
    *,
    source: str,
    path: str,
    check_ids: tuple[str, ...],
    settings: Settings | None = None,
) -> tuple[list[Check], dict[int, Span]]:
    """Run the given checks over a parsed module in one batched traversal, then `finish` them.

    The checks see the module's own nodes (no copy), so their flags' nodes and fix targets
    can be found again in the module.

    Args:
        module: The parsed source.
        source: Its text.
        path: Its path, for checks that look at file names.
        check_ids: The checks to run (known ids).
        settings: Thresholds; the standard's by default.

    Returns:
        The checks, holding their opportunities and flags, and the spans of the flagged and
        measured nodes by node id.

    Raises:
        RecursionError: The tree is too deep to walk.
    """
    context = FileContext(path=path, source=source, settings=settings or Settings())
    checks = [cls(context) for cls in check_classes(check_ids)]
    visitors: list[BatchableCSTVisitor] = [ContextPush(context), *checks]
    visitors.append(ContextPop(context))
    walk_batched(module, visitors)
    return checks, _spans(module, checks)


def _spans(module: Module, checks: list[Check]) -> dict[int, Span]:
    wanted = [flag.node for check in checks for flag in check.flags]
    wanted.extend(node for check in checks for node in check.measured)
    spans = dict(node_spans(module, wanted))
    measured_by_node = {id(node): node for check in checks for node in check.measured}
    for check in checks:
        if check.measured and check.failure is None:
            measured = {
                measured_by_node[id(n)]: spans[id(n)] for n in check.measured if id(n) in spans
            }
            try:
                check.finish(measured)
            except Exception as exc:
                check.failure = exc
    late = [flag.node for check in checks for flag in check.flags if id(flag.node) not in spans]
    spans.update(node_spans(module, late))
    return spans


def _result(checks: list[Check], spans: Mapping[int, Span]) -> CheckResult:
    findings: list[Finding] = []
    tally: dict[str, Tally] = {}
    for check in checks:
        if check.failure is not None:
            error = f"check {check.check_id} failed: {type(check.failure).__name__}: "
            findings.append(_whole_file("check-error", error + str(check.failure)))
            tally[check.check_id] = Tally()
            continue
        tally[check.check_id] = Tally(
            opportunities=check.opportunities, violations=len(check.flags)
        )
        for flag in check.flags:
            line, column, end_line, end_column = spans.get(id(flag.node), (1, 1, 1, 1))
            findings.append(
                Finding(
                    check=check.check_id,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    message=flag.message,
                    fixable=flag.fixable,
                )
            )
    findings.sort(key=lambda f: (f.line, f.column, f.check, f.message))
    failed = frozenset(check.check_id for check in checks if check.failure is not None)
    return CheckResult(findings=tuple(findings), tally=tally, failed=failed)
