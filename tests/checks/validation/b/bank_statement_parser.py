# path: src/finance/statements.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: timezone-aware=compliant dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: raise-from=compliant bare-except=compliant f-strings=compliant abc-imports=compliant
# expect: builtin-generics=compliant no-any=compliant structlog=compliant pathlib=compliant
# expect: comprehensions=compliant type-checking-imports=compliant union-operator=compliant
# expect: class-length=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Parse CSV bank statements exported from the bank's business portal."""

from __future__ import annotations

from csv import DictReader
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from structlog import get_logger

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["StatementFormatError", "Transaction", "read_statement"]

log = get_logger(__name__)

DATE_FORMAT = "%d.%m.%Y %H:%M"


class StatementFormatError(ValueError):
    """A statement row could not be parsed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Transaction:
    """One booked transaction."""

    booked_at: datetime
    amount: Decimal
    counterparty: str
    reference: str
    iban: str | None = None


def _row(row: dict[str, str], number: int) -> Transaction:
    try:
        booked_at = datetime.strptime(row["Buchungsdatum"], DATE_FORMAT).replace(tzinfo=UTC)
        amount = Decimal(row["Betrag"].replace(".", "").replace(",", "."))
    except (KeyError, ValueError, InvalidOperation) as exc:
        raise StatementFormatError(f"row {number}: {exc}") from exc
    return Transaction(
        booked_at=booked_at,
        amount=amount,
        counterparty=row.get("Empfänger", "").strip(),
        reference=row.get("Verwendungszweck", "").strip(),
        iban=row.get("IBAN") or None,
    )


def read_statement(path: Path, *, since: datetime | None = None) -> Iterator[Transaction]:
    """Yield the transactions of a statement file.

    Args:
        path: The CSV export (semicolon separated, UTF-8).
        since: Skip transactions booked before this aware datetime.

    Yields:
        The transactions, in file order.

    Raises:
        StatementFormatError: If a row is malformed.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = DictReader(handle, delimiter=";")
        for number, row in enumerate(rows, start=2):
            transaction = _row(row, number)
            if since is None or transaction.booked_at >= since:
                yield transaction
    log.info("statement_read", path=path.name)


def totals_by_counterparty(transactions: Iterator[Transaction]) -> dict[str, Decimal]:
    """Sum amounts per counterparty.

    Args:
        transactions: The transactions.

    Returns:
        The totals, keyed by counterparty name.
    """
    totals: dict[str, Decimal] = {}
    for transaction in transactions:
        totals[transaction.counterparty] = totals.get(transaction.counterparty, Decimal(0)) + transaction.amount
    return {name: total for name, total in sorted(totals.items()) if total}
