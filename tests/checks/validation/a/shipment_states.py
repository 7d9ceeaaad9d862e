# path: src/logistics/states.py
# expect: duplicate-case-arms=compliant docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant repr=compliant dataclass-frozen=compliant
# expect: dataclass-kw-only=compliant dataclass-options=compliant self-type=compliant raise-from=compliant
# expect: function-length=compliant parameter-count=compliant timezone-aware=compliant f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""The states of a shipment and the transitions between them."""

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Self

__all__ = ["IllegalTransition", "Shipment", "ShipmentState"]


class ShipmentState(StrEnum):
    """Where a shipment is."""

    CREATED = "created"
    PICKED_UP = "picked_up"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    RETURNED = "returned"
    LOST = "lost"


class IllegalTransition(ValueError):
    """A shipment cannot move from its state to the one asked for."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Shipment:
    """A shipment's tracking state.

    Attributes:
        tracking_number: The carrier's number.
        state: The current state.
        updated_at: When the state last changed.
    """

    tracking_number: str
    state: ShipmentState = ShipmentState.CREATED
    updated_at: datetime | None = None

    def advance(self, event: str) -> Self:
        """Apply a carrier event.

        Args:
            event: `pickup`, `depart`, `deliver`, `return` or `lose`.

        Returns:
            The shipment in its new state.

        Raises:
            IllegalTransition: The event does not apply in the current state.
        """
        match (self.state, event):
            case (ShipmentState.CREATED, "pickup"):
                target = ShipmentState.PICKED_UP
            case (ShipmentState.PICKED_UP | ShipmentState.IN_TRANSIT, "depart"):
                target = ShipmentState.IN_TRANSIT
            case (ShipmentState.IN_TRANSIT, "deliver"):
                target = ShipmentState.DELIVERED
            case (ShipmentState.IN_TRANSIT | ShipmentState.DELIVERED, "return"):
                target = ShipmentState.RETURNED
            case (state, "lose") if state is not ShipmentState.DELIVERED:
                target = ShipmentState.LOST
            case (state, _):
                raise IllegalTransition(f"cannot {event} a shipment that is {state}")
        return replace(self, state=target, updated_at=datetime.now(UTC))

    def is_final(self) -> bool:
        """Whether no further event applies.

        Returns:
            True when delivered, returned or lost.
        """
        return self.state in {ShipmentState.DELIVERED, ShipmentState.RETURNED, ShipmentState.LOST}
