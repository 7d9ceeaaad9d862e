"""Kept for `canon.cli`: the terminal table is `canon.reports.table`'s (reports own summaries).

Remove this module once `cli.py` imports `text_table` from `canon.reports.table`.
"""

from canon.reports.table import text_table

__all__ = ["text_table"]
