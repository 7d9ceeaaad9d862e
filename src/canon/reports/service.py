"""The report service: build a report from log paths and write its three files atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from canon.errors import InputError, Position

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from canon.reports.report import Report

__all__ = ["MARKDOWN", "PAGE", "SUMMARY", "ReportFiles", "compare_logs", "write_report"]

MARKDOWN = "summary.md"
PAGE = "report.html"
SUMMARY = "summary.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportFiles:
    """A written report.

    Attributes:
        report: What was computed.
        markdown: The Markdown text.
        folder: Where the files are (None when nothing was written).
    """

    report: Report
    markdown: str
    folder: Path | None

    @property
    def regressed(self) -> bool:
        """Whether the baseline gate found a regression.

        Returns:
            True when a configuration or rule dropped beyond its interval.
        """
        return self.report.gate is not None and not self.report.gate.passed


def write_report(
    paths: Sequence[Path],
    out: Path | None,
    *,
    baseline: Sequence[Path] = (),
    order: Sequence[str] = (),
) -> ReportFiles:
    """Read logs, compute the report and write `summary.md`, `report.html` and `summary.json`.

    Args:
        paths: Log files or folders.
        out: The folder to write into (created); None to write nothing.
        baseline: Log files or folders to gate against.
        order: Configuration names in the order `summary.json` lists them (the eval
            configuration file's); others follow by name. Tables put what needs
            attention first whatever the order.

    Returns:
        The report and its Markdown.

    Raises:
        InputError: A path is missing, not a log, or the output folder cannot be written.
    """
    from canon.reports.report import build_report

    report = build_report(paths, baseline)
    return _render(report, out, order)


def compare_logs(a: Path, b: Path, out: Path | None = None) -> ReportFiles:
    """Compare two logs (or two runs) configuration against configuration.

    With two single logs, their configurations are compared whatever their names; with two
    folders, every configuration of one is paired with every configuration of the other.

    Args:
        a: The reference side (a log file or a folder).
        b: The side judged better or worse.
        out: The folder to write the report into; None to write nothing.

    Returns:
        The report (its comparisons put `a` first) and its Markdown.

    Raises:
        InputError: A path is missing or not a log.
    """
    from canon.reports.report import build_comparison

    return _render(build_comparison(a, b), out)


def _render(report: Report, out: Path | None, order: Sequence[str] = ()) -> ReportFiles:
    from canon.reports.document import summary_text
    from canon.reports.html import html_report
    from canon.reports.markdown import markdown_report

    markdown = markdown_report(report)
    if out is not None:
        files = {
            MARKDOWN: markdown,
            PAGE: html_report(report),
            SUMMARY: summary_text(report, order),
        }
        _write_all(out, files)
    return ReportFiles(report=report, markdown=markdown, folder=out)


def _write_all(out: Path, files: dict[str, str]) -> None:
    """Write the report's files through the safe writer: all of them or none."""
    from canon.safe_write import write_files

    if out.exists() and not out.is_dir():
        raise InputError("the report folder is a file; name a folder", Position(path=out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot write the report: {exc.strerror}", Position(path=out)) from None
    write_files(out, {PurePosixPath(name): text.encode() for name, text in files.items()})
