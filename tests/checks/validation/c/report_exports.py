# path: src/reports/exports.py
# expect: async-session=violation constructor-injection=violation context-managers=violation
# expect: domain-hierarchy=violation no-star-args=violation repr=violation
# expect: specific-imports=violation type-checking-imports=violation
# expect: value-object-equality=violation annotations=compliant class-length=compliant
# expect: docstrings=compliant dunder-all=compliant f-strings=compliant function-length=compliant
# expect: google-docstrings=compliant module-length=compliant no-any=compliant
# expect: parameter-count=compliant pathlib=compliant relative-imports=compliant
# expect: session-scalars=compliant sqlalchemy-select=compliant union-operator=compliant
# expect: wildcard-import=compliant
"""Nightly CSV exports of the sales reports."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from reports.models import Sale

__all__ = ["ExportError", "ExportFile", "Period", "StorageError", "export_sales"]

engine = create_engine("postgresql+psycopg://reports@db/reports")
SessionLocal = sessionmaker(bind=engine)


class ExportError(Exception):
    """An export could not be produced."""


class StorageError(Exception):
    """An export could not be written."""


class Period:
    """A reporting period of whole days."""

    def __init__(self, start: str, end: str) -> None:
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Period) and (self.start, self.end) == (other.start, other.end)

    def __repr__(self) -> str:
        return f"Period({self.start!r}, {self.end!r})"


class ExportFile:
    """Opens an export file for writing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        self.handle = self.path.open("w", newline="", encoding="utf-8")
        return self.handle

    def __exit__(self, *exc_info: object) -> None:
        if self.handle is not None:
            self.handle.close()


async def export_sales(period: Period, folder: Path) -> Path:
    """Write the sales of a period to a CSV file.

    Args:
        period: The period to export.
        folder: Where the file goes.

    Returns:
        The file written.

    Raises:
        ExportError: The period has no sales.
        StorageError: The folder does not exist.
    """
    if not folder.is_dir():
        raise StorageError(f"no folder {folder}")
    with SessionLocal() as session:
        sales = session.scalars(
            select(Sale).where(Sale.day >= period.start, Sale.day <= period.end)
        ).all()
    if not sales:
        raise ExportError(f"no sales from {period.start} to {period.end}")
    target = folder / f"sales-{period.start}-{period.end}.csv"
    with ExportFile(target) as handle:
        writer = csv.writer(handle)
        writer.writerow(["day", "sku", "quantity", "amount"])
        for sale in sales:
            writer.writerow([sale.day, sale.sku, sale.quantity, sale.amount])
    return target
