# path: src/shop/orders/repository.py
# expect: module-length=compliant docstrings=violation specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=violation
# expect: sqlalchemy-select=violation class-length=compliant repr=violation union-operator=violation
# expect: builtin-generics=violation timezone-aware=violation relative-imports=compliant
# expect: type-checking-imports=violation raise-from=compliant bare-except=compliant no-any=compliant
# expect: keyword-only=violation domain-hierarchy=compliant
"""Persistence for orders."""

from datetime import date, datetime, timedelta
from typing import List, Optional

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .errors import DuplicateOrderError
from .models import Order, OrderLine

__all__ = ["OrderRepository"]


class OrderRepository:
    """Loads and saves orders."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, order_id: int) -> Optional[Order]:
        """Load one order by id."""
        return self.session.query(Order).filter_by(id=order_id).first()

    def for_customer(self, customer_id: int, status: Optional[str] = None) -> List[Order]:
        """List a customer's orders, newest first."""
        query = self.session.query(Order).filter(Order.customer_id == customer_id)
        if status:
            query = query.filter(Order.status == status)
        return query.order_by(Order.created_at.desc()).all()

    def revenue_by_day(self, start: date, end: date) -> List[tuple]:
        """Sum order totals per day."""
        return (
            self.session.query(func.date(Order.created_at), func.sum(OrderLine.amount))
            .join(OrderLine)
            .filter(Order.created_at >= start, Order.created_at < end + timedelta(days=1))
            .group_by(func.date(Order.created_at))
            .all()
        )

    def stale_pending(self, older_than: timedelta = timedelta(hours=2)) -> List[Order]:
        """Pending orders that were never paid."""
        cutoff = datetime.now() - older_than
        return self.session.query(Order).filter(Order.status == "pending", Order.created_at < cutoff).all()

    def add(self, customer_id: int, sku: str, quantity: int, amount: float, currency: str, note: str) -> Order:
        """Create an order with one line."""
        order = Order(customer_id=customer_id, status="pending", note=note)
        order.lines.append(OrderLine(sku=sku, quantity=quantity, amount=amount, currency=currency))
        self.session.add(order)
        try:
            self.session.flush()
        except IntegrityError as exc:
            self.session.rollback()
            raise DuplicateOrderError(customer_id) from exc
        return order
