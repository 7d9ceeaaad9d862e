# path: src/stores/opening_hours.py
# expect: no-pytz=compliant timezone-aware=compliant specific-imports=compliant docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant annotations=compliant repr=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant dataclass-options=compliant
# expect: function-length=compliant parameter-count=compliant union-operator=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: type-checking-imports=violation
# expect: value-object-equality=compliant
"""Store opening hours, evaluated in each store's own time zone."""

from dataclasses import dataclass
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

__all__ = ["OpeningHours", "is_open"]


@dataclass(frozen=True, slots=True, kw_only=True)
class OpeningHours:
    """When a store is open on weekdays (0 = Monday).

    Attributes:
        zone: The store's time zone.
        hours: Opening and closing time per weekday; missing days are closed.
    """

    zone: ZoneInfo
    hours: dict[int, tuple[time, time]]

    def window(self, moment: datetime) -> tuple[time, time] | None:
        """The opening window of the local day a moment falls on.

        Args:
            moment: An aware datetime.

        Returns:
            Opening and closing time, or None when closed all day.
        """
        return self.hours.get(moment.astimezone(self.zone).weekday())


def is_open(hours: OpeningHours, moment: datetime | None = None) -> bool:
    """Whether a store is open at a moment.

    Args:
        hours: The store's opening hours.
        moment: An aware datetime; now by default.

    Returns:
        True when the local time lies inside the day's window.
    """
    now = moment or datetime.now(UTC)
    window = hours.window(now)
    if window is None:
        return False
    local = now.astimezone(hours.zone).time()
    opens, closes = window
    return opens <= local < closes


def berlin_weekdays(opens: time, closes: time) -> OpeningHours:
    """Monday-to-Friday hours of a store in Berlin.

    Args:
        opens: Opening time.
        closes: Closing time.

    Returns:
        The opening hours.
    """
    return OpeningHours(
        zone=ZoneInfo("Europe/Berlin"), hours={day: (opens, closes) for day in range(5)}
    )
