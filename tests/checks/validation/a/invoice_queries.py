# path: src/billing/queries.py
# expect: sqlalchemy-select=violation docstrings=violation google-docstrings=violation
# expect: dunder-all=violation annotations=violation union-operator=violation builtin-generics=violation
# expect: specific-imports=compliant function-length=compliant parameter-count=violation
# expect: timezone-aware=compliant type-checking-imports=violation abc-imports=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: keyword-only=violation
"""Report queries over invoices, used by the finance dashboard."""

from collections.abc import Iterable
from datetime import date, datetime, time, UTC
from typing import Dict, Optional

from sqlalchemy import func
from sqlalchemy.orm import Session

from billing.models import Customer, Invoice, InvoiceStatus


def overdue_invoices(db: Session, today: date) -> list[Invoice]:
    return (
        db.query(Invoice)
        .filter(Invoice.status == InvoiceStatus.OPEN)
        .filter(Invoice.due_date < today)
        .order_by(Invoice.due_date)
        .all()
    )


def invoice_by_number(session: Session, number: str) -> Optional[Invoice]:
    return session.query(Invoice).filter_by(number=number).first()


def revenue_by_customer(session, start: date, end: date) -> Dict[str, float]:
    start_at = datetime.combine(start, time.min, tzinfo=UTC)
    end_at = datetime.combine(end, time.max, tzinfo=UTC)
    rows = (
        session.query(Customer.name, func.sum(Invoice.total))
        .join(Invoice, Invoice.customer_id == Customer.id)
        .filter(Invoice.paid_at >= start_at, Invoice.paid_at <= end_at)
        .group_by(Customer.name)
        .all()
    )
    return {name: float(total or 0) for name, total in rows}


def search_invoices(
    session: Session,
    customer_id: Optional[int],
    status: Optional[InvoiceStatus],
    min_total: Optional[float],
    max_total: Optional[float],
    issued_after: Optional[date],
    limit: int = 50,
) -> list[Invoice]:
    query = session.query(Invoice)
    if customer_id is not None:
        query = query.filter(Invoice.customer_id == customer_id)
    if status is not None:
        query = query.filter(Invoice.status == status)
    if min_total is not None:
        query = query.filter(Invoice.total >= min_total)
    if max_total is not None:
        query = query.filter(Invoice.total <= max_total)
    if issued_after is not None:
        query = query.filter(Invoice.issued_on > issued_after)
    return query.order_by(Invoice.issued_on.desc()).limit(limit).all()


def mark_paid(session: Session, invoices: Iterable[Invoice]) -> int:
    count = 0
    for invoice in invoices:
        invoice.status = InvoiceStatus.PAID
        invoice.paid_at = datetime.now(UTC)
        count += 1
    session.commit()
    return count
