# path: src/reminders/scheduler.py
# expect: no-pytz=violation timezone-aware=violation specific-imports=violation docstrings=violation
# expect: google-docstrings=violation dunder-all=violation union-operator=violation builtin-generics=violation
# expect: repr=violation structlog=violation annotations=compliant f-strings=compliant
# expect: function-length=compliant parameter-count=compliant fstring-debug=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: type-checking-imports=violation
"""Schedule reminders in each user's local time zone."""

import logging
from datetime import datetime, timedelta
from typing import List, Optional

import pytz

from reminders.models import Reminder, User

logger = logging.getLogger(__name__)

DEFAULT_TZ = "Europe/Berlin"


class ReminderScheduler:
    def __init__(self, default_timezone: str = DEFAULT_TZ) -> None:
        self.default_timezone = pytz.timezone(default_timezone)

    def user_timezone(self, user: User) -> pytz.BaseTzInfo:
        if not user.timezone:
            return self.default_timezone
        try:
            return pytz.timezone(user.timezone)
        except pytz.UnknownTimeZoneError:
            logger.warning("unknown time zone %s for user %s", user.timezone, user.id)
            return self.default_timezone

    def next_occurrence(self, user: User, hour: int, minute: int = 0) -> datetime:
        zone = self.user_timezone(user)
        local_now = datetime.now(zone)
        candidate = zone.localize(
            datetime(local_now.year, local_now.month, local_now.day, hour, minute)
        )
        if candidate <= local_now:
            candidate = zone.normalize(candidate + timedelta(days=1))
        return candidate.astimezone(pytz.utc)

    def due(self, reminders: List[Reminder], now: Optional[datetime] = None) -> List[Reminder]:
        now = now or datetime.utcnow().replace(tzinfo=pytz.utc)
        logger.debug(f"checking reminders now={now}")
        due = [reminder for reminder in reminders if reminder.fire_at <= now]
        logger.info(f"due reminders count={len(due)}")
        return due
