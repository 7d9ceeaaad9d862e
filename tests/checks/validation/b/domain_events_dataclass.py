# path: src/shop/orders/events.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: dataclass-options=violation dataclass-frozen=violation dataclass-kw-only=violation
# expect: timezone-aware=compliant union-operator=compliant no-any=violation
# expect: type-statement=violation orjson=compliant duplicate-case-arms=compliant
# expect: self-type=compliant
# expect: class-length=compliant
# expect: no-pickle=compliant
# expect: type-checking-imports=violation
# expect: value-object-equality=compliant
"""Domain events emitted by the order aggregate."""

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeAlias
from uuid import UUID, uuid4

from orjson import dumps

__all__ = ["OrderCancelled", "OrderEvent", "OrderPlaced", "OrderShipped", "serialize"]


@dataclass
class OrderPlaced:
    """A customer placed an order."""

    order_id: UUID
    customer_id: int
    total: Decimal
    event_id: UUID = field(default_factory=uuid4)
    occurred_at: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass(frozen=True)
class OrderShipped:
    """The warehouse handed an order to the carrier."""

    order_id: UUID
    carrier: str
    tracking_code: str
    event_id: UUID = field(default_factory=uuid4)
    occurred_at: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass(frozen=True, slots=True)
class OrderCancelled:
    """An order was cancelled before shipping."""

    order_id: UUID
    reason: str | None = None
    event_id: UUID = field(default_factory=uuid4)
    occurred_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def with_reason(self, reason: str) -> "OrderCancelled":
        """Copy the event with a cancellation reason."""
        return OrderCancelled(order_id=self.order_id, reason=reason, event_id=self.event_id)


OrderEvent: TypeAlias = OrderPlaced | OrderShipped | OrderCancelled


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError


def serialize(event: OrderEvent) -> bytes:
    """Encode an event for the outbox table."""
    match event:
        case OrderPlaced():
            kind = "order.placed"
        case OrderShipped():
            kind = "order.shipped"
        case OrderCancelled():
            kind = "order.cancelled"
    return dumps({"kind": kind, **asdict(event)}, default=_encode)
