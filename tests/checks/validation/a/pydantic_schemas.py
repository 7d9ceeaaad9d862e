# path: src/bookings/schemas.py
# expect: union-operator=violation no-any=violation builtin-generics=violation docstrings=violation
# expect: dunder-all=compliant specific-imports=compliant annotations=compliant google-docstrings=violation
# expect: timezone-aware=compliant raise-from=compliant self-type=violation repr=compliant
# expect: type-checking-imports=compliant function-length=compliant parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
"""Request and response schemas of the booking API."""

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Dict, List, Optional, Union

from pydantic import BaseModel, Field, field_validator, model_validator

__all__ = ["BookingCreate", "BookingRead", "BookingStatus", "Guest", "PriceQuote"]


class BookingStatus(str, Enum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class Guest(BaseModel):
    first_name: str = Field(min_length=1, max_length=80)
    last_name: str = Field(min_length=1, max_length=80)
    email: str
    phone: Optional[str] = None

    @field_validator("email")
    @classmethod
    def normalise_email(cls, value: str) -> str:
        if "@" not in value:
            raise ValueError("not an e-mail address")
        return value.strip().lower()


class BookingCreate(BaseModel):
    room_id: int
    check_in: date
    check_out: date
    guests: List[Guest] = Field(min_length=1, max_length=6)
    notes: Optional[str] = None
    extras: Dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def check_dates(self) -> "BookingCreate":
        if self.check_out <= self.check_in:
            raise ValueError("check_out must be after check_in")
        return self

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days


class PriceQuote(BaseModel):
    nightly_rate: Decimal
    nights: int
    taxes: Decimal
    currency: str = "EUR"
    discount: Union[Decimal, None] = None

    @property
    def total(self) -> Decimal:
        subtotal = self.nightly_rate * self.nights + self.taxes
        return subtotal - (self.discount or Decimal("0"))


class BookingRead(BaseModel):
    id: int
    status: BookingStatus
    room_id: int
    check_in: date
    check_out: date
    guests: List[Guest]
    quote: PriceQuote
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    metadata: Optional[Dict[str, Any]] = None
