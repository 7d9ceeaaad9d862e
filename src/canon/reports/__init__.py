"""Reports: read inspect logs, compute compliance with intervals and paired tests, render.

`write_report(paths, out, baseline=...)` reads the logs, writes `summary.md`, `report.html`
and `summary.json` into `out`, and returns the report (its `gate` says whether a baseline
regressed). Importing this package is cheap; inspect and scipy load when a report is built.
"""

from __future__ import annotations

from canon.reports.service import ReportFiles, compare_logs, write_report

__all__ = ["ReportFiles", "compare_logs", "write_report"]
