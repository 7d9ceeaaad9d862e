# path: src/reports/exporter.py
# expect: type-checking-imports=violation docstrings=compliant google-docstrings=violation dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant structlog=compliant pathlib=compliant
# expect: abc-imports=compliant orjson=compliant function-length=compliant parameter-count=compliant
# expect: f-strings=compliant timezone-aware=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
"""Export reports as CSV or JSON files."""

from __future__ import annotations

from collections.abc import Iterable
from csv import writer
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

from orjson import OPT_INDENT_2, dumps
from structlog import get_logger

from reports.models import Report, ReportRow

__all__ = ["export_csv", "export_json"]

log = get_logger(__name__)


def _rows_as_lists(rows: Iterable[ReportRow]) -> list[list[str]]:
    return [[row.label, str(row.value), row.unit] for row in rows]


def export_csv(report: Report, folder: Path) -> Path:
    """Write a report as CSV."""
    buffer = StringIO()
    out = writer(buffer)
    out.writerow(["label", "value", "unit"])
    out.writerows(_rows_as_lists(report.rows))
    target = folder / f"{report.slug}.csv"
    target.write_text(buffer.getvalue(), encoding="utf-8")
    log.info("report.exported", report=report.slug, format="csv")
    return target


def export_json(report: Report, folder: Path) -> Path:
    """Write a report as JSON, with the time it was exported."""
    document = {
        "report": report.slug,
        "exported_at": datetime.now(UTC).isoformat(),
        "rows": [{"label": r.label, "value": r.value, "unit": r.unit} for r in report.rows],
    }
    target = folder / f"{report.slug}.json"
    target.write_bytes(dumps(document, option=OPT_INDENT_2))
    log.info("report.exported", report=report.slug, format="json")
    return target
