# path: src/reminders/scheduler.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: no-pytz=violation timezone-aware=violation structlog=violation fstring-debug=violation
# expect: dataclass-options=violation dataclass-frozen=violation dataclass-kw-only=violation
# expect: union-operator=violation builtin-generics=compliant no-any=compliant comprehensions=compliant
# expect: f-strings=compliant abc-imports=compliant
# expect: class-length=compliant
# expect: type-checking-imports=violation
"""Work out when to send appointment reminders in the customer's local time."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Optional

import pytz

__all__ = ["Appointment", "due_reminders", "reminder_time"]

logger = logging.getLogger(__name__)

QUIET_START = time(21, 0)
QUIET_END = time(8, 0)


@dataclass
class Appointment:
    """A booked appointment."""

    appointment_id: int
    starts_at: datetime
    customer_tz: str
    reminder_sent_at: Optional[datetime] = None


def reminder_time(appointment: Appointment, lead: timedelta = timedelta(hours=24)) -> datetime:
    """When to send the reminder, moved out of the customer's quiet hours."""
    zone = pytz.timezone(appointment.customer_tz)
    local = appointment.starts_at.astimezone(zone) - lead
    logger.debug(f"reminder for appointment_id={appointment.appointment_id} local={local}")
    if local.time() >= QUIET_START:
        local = zone.localize(datetime.combine(local.date() + timedelta(days=1), QUIET_END))
    elif local.time() < QUIET_END:
        local = zone.localize(datetime.combine(local.date(), QUIET_END))
    return local.astimezone(pytz.utc)


def due_reminders(appointments: Iterable[Appointment], now: Optional[datetime] = None) -> list[Appointment]:
    """Appointments whose reminder should go out now."""
    now = now or datetime.utcnow().replace(tzinfo=pytz.utc)
    due = [
        appointment
        for appointment in appointments
        if appointment.reminder_sent_at is None and reminder_time(appointment) <= now
    ]
    logger.info("%d reminders due", len(due))
    return due
