"""Render a run: text (ruff-like), JSON, SARIF 2.1.0, and statistics."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from canon import __version__
from canon.checks.catalog import CHECKS
from canon.checks.jsontext import json_text
from canon.checks.model import Tally
from canon.checks.rulebook import check_summary

if TYPE_CHECKING:
    from collections.abc import Iterator

    from canon.checks.files import RunReport
    from canon.checks.model import Finding
    from canon.checks.rulebook import RuleBook

__all__ = ["render_json", "render_sarif", "render_statistics", "render_text", "rule_tallies"]

_SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_ERRORS = frozenset({"syntax", "unreadable", "too-deep", "check-error"})


def _findings(report: RunReport) -> Iterator[tuple[str, Finding]]:
    for file in report.files:
        for finding in file.findings:
            yield file.path, finding


def render_text(report: RunReport, book: RuleBook) -> str:
    """One line per finding: `path:line:col: rule-id message` (`[*]` when fixable).

    Args:
        report: The run.
        book: The rules, to name findings.

    Returns:
        The text, one finding per line.
    """
    lines = []
    for path, finding in _findings(report):
        mark = " [*]" if finding.fixable else ""
        rule = book.rule_id(finding.check)
        lines.append(f"{path}:{finding.line}:{finding.column}: {rule}{mark} {finding.message}")
    return "".join(f"{line}\n" for line in lines)


def summary(report: RunReport) -> str:
    """The closing line of a text report.

    Args:
        report: The run.

    Returns:
        How many findings in how many files, and how many are fixable.
    """
    findings = [finding for _, finding in _findings(report)]
    fixable = sum(1 for finding in findings if finding.fixable)
    files = len(report.files)
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if report.cached:
        checked += f" ({report.cached} from cache)"
    if not findings:
        return f"All clean: {checked}."
    text = f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''}; {checked}."
    if fixable:
        text += f" {fixable} fixable with `--fix`."
    return text


def rule_tallies(report: RunReport, book: RuleBook) -> dict[str, dict[str, int]]:
    """Opportunities and violations per rule id (each rule gets its check's tally).

    Args:
        report: The run.
        book: The rules.

    Returns:
        `{rule-id: {"opportunities": n, "violations": m}}`, sorted by rule id.
    """
    totals: dict[str, Tally] = {}
    for file in report.files:
        for check_id, tally in file.tally.items():
            totals[check_id] = totals.get(check_id, Tally()) + tally
    by_rule: dict[str, dict[str, int]] = {}
    for check_id, tally in totals.items():
        names = [rule.id for rule in book.rules if rule.check == check_id] or [check_id]
        for name in names:
            by_rule[name] = {"opportunities": tally.opportunities, "violations": tally.violations}
    return dict(sorted(by_rule.items()))


def render_json(report: RunReport, book: RuleBook) -> str:
    """The run as one JSON document.

    Args:
        report: The run.
        book: The rules.

    Returns:
        `{"files", "findings", "rules"}` as JSON text.
    """
    findings = [
        {
            "rule": book.rule_id(finding.check),
            "check": finding.check,
            "path": path,
            "line": finding.line,
            "column": finding.column,
            "end_line": finding.end_line,
            "end_column": finding.end_column,
            "message": finding.message,
            "fixable": finding.fixable,
        }
        for path, finding in _findings(report)
    ]
    document = {
        "files": len(report.files),
        "findings": findings,
        "rules": rule_tallies(report, book),
    }
    return json_text(document)


def render_statistics(report: RunReport, book: RuleBook) -> str:
    """Findings counted per rule, most frequent first.

    Args:
        report: The run.
        book: The rules.

    Returns:
        One line per rule: count, rule id, `[*]` if fixable, summary.
    """
    counts = Counter(book.rule_id(finding.check) for _, finding in _findings(report))
    checks = {book.rule_id(finding.check): finding.check for _, finding in _findings(report)}
    lines = []
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        check = checks[rule]
        mark = "[*]" if check in CHECKS and CHECKS[check].fixable else "   "
        lines.append(f"{count:6d}  {rule:<40} {mark} {check_summary(check)}")
    return "".join(f"{line}\n" for line in lines)


def _sarif_rule(rule_id: str, check_id: str, book: RuleBook) -> dict[str, object]:
    rule = book.rule(rule_id)
    text = rule.text if rule else check_summary(check_id)
    described = {
        "id": rule_id,
        "name": check_id,
        "shortDescription": {"text": check_summary(check_id) or text},
        "fullDescription": {"text": text},
        "help": {"text": text},
        "defaultConfiguration": {"level": "error" if check_id in _ERRORS else "warning"},
        "properties": {
            "check": check_id,
            "heuristic": check_id in CHECKS and CHECKS[check_id].heuristic,
        },
    }
    return described


def _sarif_result(path: str, finding: Finding, rule_id: str, index: int) -> dict[str, object]:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": max(finding.end_line, finding.line),
        "endColumn": max(finding.end_column, 1),
    }
    location = {"physicalLocation": {"artifactLocation": _artifact(path), "region": region}}
    return {
        "ruleId": rule_id,
        "ruleIndex": index,
        "level": "error" if finding.check in _ERRORS else "warning",
        "message": {"text": finding.message},
        "locations": [location],
    }


def render_sarif(report: RunReport, book: RuleBook, root: Path) -> str:
    """The run as SARIF 2.1.0, for GitHub code scanning.

    Args:
        report: The run.
        book: The rules.
        root: The folder paths are relative to (`%SRCROOT%`).

    Returns:
        The SARIF log as JSON text.
    """
    rules: dict[str, int] = {}
    descriptors: list[dict[str, object]] = []
    results = []
    for path, finding in _findings(report):
        rule_id = book.rule_id(finding.check)
        if rule_id not in rules:
            rules[rule_id] = len(descriptors)
            descriptors.append(_sarif_rule(rule_id, finding.check, book))
        results.append(_sarif_result(path, finding, rule_id, rules[rule_id]))
    run = {
        "tool": {
            "driver": {
                "name": "canon",
                "version": __version__,
                "informationUri": "https://github.com/canon/canon",
                "rules": descriptors,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(log)


def _artifact(path: str) -> dict[str, str]:
    """A relative path under `%SRCROOT%`, or an absolute `file:` URI."""
    from urllib.parse import quote

    as_path = Path(path)
    if as_path.is_absolute():
        return {"uri": as_path.as_uri()}
    return {"uri": quote(as_path.as_posix()), "uriBaseId": "%SRCROOT%"}
