# path: src/reminders/timezones.py
# expect: no-pytz=compliant timezone-aware=compliant specific-imports=compliant docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant union-operator=compliant annotations=compliant
# expect: raise-from=compliant function-length=compliant parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant
"""Time zone helpers built on `zoneinfo`."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["UnknownTimezoneError", "local_wall_time_to_utc", "resolve_zone", "to_local"]

DEFAULT_ZONE = ZoneInfo("Europe/Berlin")


class UnknownTimezoneError(ValueError):
    """A user's time zone name is not in the tz database."""


def resolve_zone(name: str | None) -> ZoneInfo:
    """The zone of a name, or the default zone for none.

    Args:
        name: An IANA name such as `America/New_York`.

    Returns:
        The zone.

    Raises:
        UnknownTimezoneError: The name is not a known zone.
    """
    if not name:
        return DEFAULT_ZONE
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError as exc:
        raise UnknownTimezoneError(name) from exc


def to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    """Show an aware moment in a zone.

    Args:
        moment: An aware datetime.
        zone: The zone to show it in.

    Returns:
        The same instant, in the zone.
    """
    return moment.astimezone(zone)


def local_wall_time_to_utc(wall: time, zone: ZoneInfo, *, now: datetime | None = None) -> datetime:
    """The next UTC instant at which a zone's clocks show a wall time.

    Args:
        wall: The local time of day.
        zone: The zone.
        now: The current instant (for tests); the real one by default.

    Returns:
        The next instant, in UTC.
    """
    current = (now or datetime.now(UTC)).astimezone(zone)
    candidate = datetime.combine(current.date(), wall, tzinfo=zone)
    if candidate <= current:
        candidate = datetime.combine(current.date() + timedelta(days=1), wall, tzinfo=zone)
    return candidate.astimezone(UTC)


def parse_utc(text: str) -> datetime:
    """Parse `YYYY-mm-dd HH:MM` as a UTC time.

    Args:
        text: The time as written in exports.

    Returns:
        The aware datetime.
    """
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
