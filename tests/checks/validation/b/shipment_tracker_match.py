# path: src/logistics/tracking.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: duplicate-case-arms=compliant timezone-aware=compliant dataclass-options=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant union-operator=compliant
# expect: no-any=compliant class-length=compliant
# expect: structlog=compliant abc-imports=compliant
# expect: type-checking-imports=violation
# expect: value-object-equality=compliant
"""Interpret carrier tracking events."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from structlog import get_logger

__all__ = ["Milestone", "TrackingEvent", "latest_milestone", "milestone_for"]

log = get_logger(__name__)


class Milestone(StrEnum):
    """Where a parcel is in its journey, as shown to the customer."""

    LABEL_CREATED = "label_created"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    EXCEPTION = "exception"


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackingEvent:
    """One scan reported by a carrier."""

    carrier: str
    code: str
    happened_at: datetime
    location: str | None = None


def milestone_for(event: TrackingEvent) -> Milestone:
    """Map a carrier scan code to a milestone.

    Args:
        event: The scan.

    Returns:
        The customer-facing milestone.
    """
    match (event.carrier, event.code):
        case ("dhl", "PU") | ("ups", "MP"):
            return Milestone.LABEL_CREATED
        case ("dhl", "OFD") | ("ups", "OT"):
            return Milestone.OUT_FOR_DELIVERY
        case ("dhl", "OK") | ("ups", "D"):
            return Milestone.DELIVERED
        case (_, "EX" | "RTS" | "DAM") as unusual:
            log.warning("carrier_exception", carrier=unusual[0], code=unusual[1])
            return Milestone.EXCEPTION
        case _:
            return Milestone.IN_TRANSIT


def latest_milestone(events: Iterable[TrackingEvent]) -> Milestone | None:
    """Find the milestone of the most recent scan.

    Args:
        events: Scans in any order.

    Returns:
        The latest milestone, or None when there are no scans.
    """
    ordered = sorted(events, key=lambda event: event.happened_at)
    if not ordered:
        return None
    latest = ordered[-1]
    age = datetime.now(UTC) - latest.happened_at
    log.debug("latest_scan", code=latest.code, age_s=age.total_seconds())
    return milestone_for(latest)
