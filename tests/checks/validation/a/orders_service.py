# path: src/shop/orders/service.py
# expect: union-operator=violation raise-from=violation google-docstrings=violation docstrings=violation
# expect: specific-imports=violation structlog=violation dunder-all=violation annotations=compliant
# expect: builtin-generics=violation repr=violation function-length=compliant parameter-count=compliant
# expect: timezone-aware=violation fstring-debug=violation f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=violation constructor-injection=compliant
import logging
from datetime import datetime
from decimal import Decimal
from typing import List, Optional

from shop.orders.models import Order, OrderLine, OrderStatus
from shop.orders.repository import OrderRepository
from shop.payments.client import PaymentClient, PaymentDeclined

logger = logging.getLogger(__name__)


class OrderNotFound(Exception):
    pass


class PaymentFailed(Exception):
    pass


class OrderService:
    def __init__(self, repository: OrderRepository, payments: PaymentClient) -> None:
        self.repository = repository
        self.payments = payments

    def get_order(self, order_id: int) -> Order:
        order = self.repository.get(order_id)
        if order is None:
            raise OrderNotFound(f"order {order_id} does not exist")
        return order

    def find_by_customer(self, customer_id: int, status: Optional[OrderStatus] = None) -> List[Order]:
        orders = self.repository.list_for_customer(customer_id)
        if status is not None:
            orders = [order for order in orders if order.status == status]
        logger.debug(f"found orders customer_id={customer_id} count={len(orders)}")
        return orders

    def total(self, lines: List[OrderLine]) -> Decimal:
        return sum((line.unit_price * line.quantity for line in lines), Decimal("0"))

    def place_order(self, customer_id: int, lines: List[OrderLine]) -> Order:
        if not lines:
            raise ValueError("an order needs at least one line")
        order = Order(
            customer_id=customer_id,
            lines=lines,
            status=OrderStatus.PENDING,
            created_at=datetime.now(),
        )
        self.repository.add(order)
        try:
            self.payments.charge(customer_id, self.total(lines))
        except PaymentDeclined as exc:
            order.status = OrderStatus.FAILED
            self.repository.save(order)
            logger.warning("payment declined for order %s: %s", order.id, exc)
            raise PaymentFailed(str(exc))
        order.status = OrderStatus.PAID
        self.repository.save(order)
        logger.info(f"order placed order_id={order.id}")
        return order

    def cancel(self, order_id: int, reason: Optional[str] = None) -> Order:
        order = self.get_order(order_id)
        if order.status == OrderStatus.SHIPPED:
            raise ValueError("shipped orders cannot be cancelled")
        order.status = OrderStatus.CANCELLED
        order.cancel_reason = reason
        order.cancelled_at = datetime.utcnow()
        self.repository.save(order)
        return order
