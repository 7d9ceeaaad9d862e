# path: src/shop/orders/async_repository.py
# expect: async-session=violation domain-hierarchy=violation type-checking-imports=violation
# expect: value-object-equality=violation annotations=compliant builtin-generics=compliant
# expect: class-length=compliant constructor-injection=compliant dataclass-frozen=compliant
# expect: dataclass-kw-only=compliant dataclass-options=compliant docstrings=compliant
# expect: dunder-all=compliant f-strings=compliant function-length=compliant
# expect: google-docstrings=compliant module-length=compliant no-any=compliant
# expect: no-star-args=compliant parameter-count=compliant relative-imports=compliant
# expect: repr=compliant session-scalars=compliant specific-imports=compliant
# expect: sqlalchemy-select=compliant union-operator=compliant wildcard-import=compliant
"""Order persistence used by the async checkout API."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from shop.orders.models import Order, OrderLine

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["Money", "OrderRepository", "OrderTotals"]


class Money:
    """An amount of money in one currency."""

    def __init__(self, amount: Decimal, currency: str) -> None:
        self.amount = amount
        self.currency = currency

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount == other.amount and self.currency == other.currency

    def __repr__(self) -> str:
        return f"Money({self.amount!r}, {self.currency!r})"


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderTotals:
    """The totals of one order."""

    subtotal: Money
    tax: Money


class OrderRepository:
    """Loads and stores orders."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def __repr__(self) -> str:
        return "OrderRepository()"

    async def get(self, order_id: int) -> Order | None:
        """Load one order.

        Args:
            order_id: The order's id.

        Returns:
            The order, or None when there is none.
        """
        return self._session.get(Order, order_id)

    async def lines(self, order_id: int) -> list[OrderLine]:
        """Load the lines of an order.

        Args:
            order_id: The order's id.

        Returns:
            The lines, oldest first.

        Raises:
            Exception: The order has no lines.
        """
        statement = select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.id)
        found = list(self._session.scalars(statement))
        if not found:
            raise Exception(f"order {order_id} has no lines")
        return found

    async def add(self, order: Order) -> None:
        """Store a new order.

        Args:
            order: The order to store.
        """
        self._session.add(order)
        self._session.commit()
