# path: src/shop/orders/schemas.py
# expect: module-length=compliant docstrings=violation specific-imports=compliant annotations=compliant
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: union-operator=violation builtin-generics=violation no-any=violation class-length=compliant
# expect: timezone-aware=compliant raise-from=na self-type=violation repr=compliant
# expect: duplicate-case-arms=violation
# expect: comprehensions=compliant
# expect: no-pickle=compliant
# expect: type-checking-imports=compliant
"""Request and response schemas for the orders API."""

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, List, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class OrderStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class OrderItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    sku: str = Field(min_length=3, max_length=32)
    quantity: int = Field(gt=0, le=999)
    unit_price: Decimal = Field(gt=0, decimal_places=2)

    @property
    def total(self) -> Decimal:
        """Price of the line."""
        return self.unit_price * self.quantity


class OrderCreate(BaseModel):
    """Payload for creating an order."""

    customer_id: int
    items: List[OrderItem] = Field(min_length=1)
    coupon: Optional[str] = None
    metadata: dict[str, Any] = Field(default_factory=dict)

    @field_validator("coupon")
    @classmethod
    def normalise_coupon(cls, value: Optional[str]) -> Optional[str]:
        return value.strip().upper() if value else None

    @model_validator(mode="after")
    def check_unique_skus(self) -> "OrderCreate":
        skus = [item.sku for item in self.items]
        if len(skus) != len(set(skus)):
            raise ValueError("duplicate SKU in order items")
        return self


class OrderRead(BaseModel):
    """An order as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    customer_id: int
    status: OrderStatus
    items: list[OrderItem]
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))

    def status_label(self) -> str:
        """Human label for the order status."""
        match self.status:
            case OrderStatus.PENDING:
                return "Awaiting payment"
            case OrderStatus.PAID:
                return "Being prepared"
            case OrderStatus.SHIPPED:
                return "On its way"
            case OrderStatus.CANCELLED:
                return "Closed"
            case OrderStatus.REFUNDED:
                return "Closed"
