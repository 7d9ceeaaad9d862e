# path: src/trading/market_hours.py
# expect: no-pytz=violation timezone-aware=violation specific-imports=violation docstrings=compliant
# expect: google-docstrings=violation dunder-all=compliant annotations=compliant union-operator=violation
# expect: function-length=compliant parameter-count=compliant module-length=compliant no-star-args=compliant
# expect: wildcard-import=compliant relative-imports=compliant builtin-generics=compliant no-any=compliant
"""Exchange trading hours and holiday calendars."""

from datetime import date, datetime, time
from typing import Optional

import pytz

__all__ = ["EXCHANGES", "is_trading", "next_open"]

EXCHANGES: dict[str, tuple[str, time, time]] = {
    "NYSE": ("America/New_York", time(9, 30), time(16, 0)),
    "LSE": ("Europe/London", time(8, 0), time(16, 30)),
    "XETRA": ("Europe/Berlin", time(9, 0), time(17, 30)),
    "TSE": ("Asia/Tokyo", time(9, 0), time(15, 0)),
}

HOLIDAYS: dict[str, set[date]] = {
    "NYSE": {date(2025, 1, 1), date(2025, 7, 4), date(2025, 12, 25)},
    "LSE": {date(2025, 1, 1), date(2025, 12, 25), date(2025, 12, 26)},
}


def is_trading(exchange: str, at: Optional[datetime] = None) -> bool:
    """Whether an exchange is open at a moment (now by default)."""
    zone_name, opens, closes = EXCHANGES[exchange]
    zone = pytz.timezone(zone_name)
    local = (at or datetime.now(pytz.utc)).astimezone(zone)
    if local.weekday() >= 5 or local.date() in HOLIDAYS.get(exchange, set()):
        return False
    return opens <= local.time() < closes


def next_open(exchange: str, after: datetime) -> datetime:
    """The next opening bell after a moment, in UTC."""
    zone_name, opens, _ = EXCHANGES[exchange]
    zone = pytz.timezone(zone_name)
    local = after.astimezone(zone)
    day = local.date()
    while True:
        candidate = zone.localize(datetime.combine(day, opens))
        if candidate > local and day.weekday() < 5 and day not in HOLIDAYS.get(exchange, set()):
            return candidate.astimezone(pytz.utc)
        day = date.fromordinal(day.toordinal() + 1)
