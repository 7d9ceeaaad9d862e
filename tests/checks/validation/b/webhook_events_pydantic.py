# path: src/integrations/webhook_events.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: union-operator=compliant type-statement=compliant builtin-generics=compliant no-any=compliant
# expect: timezone-aware=compliant repr=compliant class-length=compliant duplicate-case-arms=compliant
# expect: raise-from=compliant bare-except=compliant f-strings=compliant
# expect: no-pickle=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant
"""Typed payloads of the events our partners post to `/webhooks`."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, Field, TypeAdapter, ValidationError

__all__ = ["InvalidEventError", "PartnerEvent", "describe", "parse_event"]


class InvalidEventError(ValueError):
    """The body is not a known partner event."""


class ShipmentDelivered(BaseModel):
    """A parcel reached the customer."""

    type: Literal["shipment.delivered"]
    shipment_id: str
    delivered_at: AwareDatetime
    signed_by: str | None = None


class ShipmentDelayed(BaseModel):
    """The carrier moved the expected delivery date."""

    type: Literal["shipment.delayed"]
    shipment_id: str
    new_eta: AwareDatetime
    reason: str


class ReturnRequested(BaseModel):
    """The customer asked to send items back."""

    type: Literal["return.requested"]
    order_id: str
    skus: list[str] = Field(min_length=1)
    requested_at: AwareDatetime


type PartnerEvent = Annotated[
    ShipmentDelivered | ShipmentDelayed | ReturnRequested, Field(discriminator="type")
]

_adapter: TypeAdapter[ShipmentDelivered | ShipmentDelayed | ReturnRequested] = TypeAdapter(
    PartnerEvent.__value__
)


def parse_event(body: bytes) -> ShipmentDelivered | ShipmentDelayed | ReturnRequested:
    """Validate a webhook body.

    Args:
        body: The raw JSON body.

    Returns:
        The typed event.

    Raises:
        InvalidEventError: If the body matches no event type.
    """
    try:
        return _adapter.validate_json(body)
    except ValidationError as exc:
        raise InvalidEventError(str(exc)) from exc


def describe(event: ShipmentDelivered | ShipmentDelayed | ReturnRequested, now: datetime) -> str:
    """Summarise an event for the support timeline.

    Args:
        event: The event.
        now: The current, aware time, used for relative wording.

    Returns:
        One line of text.
    """
    match event:
        case ShipmentDelivered(shipment_id=shipment, signed_by=signer):
            return f"Shipment {shipment} delivered" + (f", signed by {signer}" if signer else "")
        case ShipmentDelayed(shipment_id=shipment, new_eta=eta):
            days = (eta - now).days
            return f"Shipment {shipment} delayed, now due in {days} days"
        case ReturnRequested(order_id=order, skus=skus):
            return f"Return of {len(skus)} items requested for order {order}"
