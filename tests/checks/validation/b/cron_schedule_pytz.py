# path: src/scheduler/cron.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: no-pytz=violation timezone-aware=compliant raise-from=compliant bare-except=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: builtin-generics=compliant no-any=compliant f-strings=compliant
# expect: self-type=compliant comprehensions=compliant class-length=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Next-run computation for the job scheduler's cron-like schedules."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Self

from pytz import UnknownTimeZoneError, timezone, utc

__all__ = ["DailySchedule", "ScheduleError"]


class ScheduleError(ValueError):
    """A schedule definition is invalid."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DailySchedule:
    """Run once a day at a local wall-clock time on selected weekdays."""

    hour: int
    minute: int
    tz_name: str
    weekdays: frozenset[int] = frozenset(range(7))

    @classmethod
    def parse(cls, spec: str, tz_name: str) -> Self:
        """Parse `HH:MM` or `HH:MM mon,tue,...`.

        Args:
            spec: The schedule text.
            tz_name: The IANA time zone the time is in.

        Returns:
            The schedule.

        Raises:
            ScheduleError: If the text or the zone is invalid.
        """
        names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        time_part, _, days_part = spec.partition(" ")
        try:
            hour, minute = (int(piece) for piece in time_part.split(":"))
            timezone(tz_name)
        except (ValueError, UnknownTimeZoneError) as exc:
            raise ScheduleError(f"invalid schedule {spec!r} in {tz_name!r}") from exc
        days = frozenset(names.index(day) for day in days_part.split(",") if day in names)
        return cls(hour=hour, minute=minute, tz_name=tz_name, weekdays=days or frozenset(range(7)))

    def next_run(self, after: datetime) -> datetime:
        """Find the next run strictly after a moment.

        Args:
            after: An aware datetime.

        Returns:
            The next run, in UTC.
        """
        zone = timezone(self.tz_name)
        local = after.astimezone(zone)
        for offset in range(8):
            day = (local + timedelta(days=offset)).date()
            if day.weekday() not in self.weekdays:
                continue
            candidate = zone.localize(datetime(day.year, day.month, day.day, self.hour, self.minute))
            if candidate > local:
                return candidate.astimezone(utc)
        raise ScheduleError("schedule has no weekdays")
