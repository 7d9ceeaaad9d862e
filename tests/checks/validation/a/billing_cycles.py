# path: src/billing/cycles.py
# expect: no-pytz=violation timezone-aware=violation specific-imports=compliant docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant annotations=compliant function-length=compliant
# expect: parameter-count=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
"""Billing cycle boundaries in each account's time zone."""

from datetime import date, datetime, timedelta

from pytz import UTC, timezone

__all__ = ["cycle_bounds", "next_cycle_start"]


def cycle_bounds(anchor_day: int, today: date, zone_name: str) -> tuple[datetime, datetime]:
    """The start and end of the billing cycle that contains a day.

    Args:
        anchor_day: Day of the month cycles start on (1-28).
        today: A day inside the cycle.
        zone_name: The account's IANA time zone.

    Returns:
        The cycle's start and end, in UTC.
    """
    zone = timezone(zone_name)
    if today.day >= anchor_day:
        start = today.replace(day=anchor_day)
    else:
        previous_month = today.replace(day=1) - timedelta(days=1)
        start = previous_month.replace(day=anchor_day)
    end = next_cycle_start(start)
    local_start = zone.localize(datetime(start.year, start.month, start.day))
    local_end = zone.localize(datetime(end.year, end.month, end.day))
    return local_start.astimezone(UTC), local_end.astimezone(UTC)


def next_cycle_start(start: date) -> date:
    """The first day of the next cycle.

    Args:
        start: The first day of a cycle.

    Returns:
        The same day of the next month.
    """
    if start.month == 12:
        return start.replace(year=start.year + 1, month=1)
    return start.replace(month=start.month + 1)


def days_left(end: datetime, now: datetime) -> int:
    """Whole days until a cycle ends.

    Args:
        end: The cycle's end (aware).
        now: The current moment (aware).

    Returns:
        The days, at least zero.
    """
    return max(0, (end - now).days)
