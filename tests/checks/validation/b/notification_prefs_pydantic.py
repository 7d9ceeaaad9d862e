# path: src/notify/preferences.py
# expect: module-length=compliant docstrings=violation specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: union-operator=violation builtin-generics=compliant no-any=compliant repr=compliant class-length=compliant
# expect: no-pytz=compliant timezone-aware=compliant self-type=compliant f-strings=compliant
# expect: raise-from=compliant bare-except=compliant comprehensions=compliant
# expect: no-pickle=compliant
# expect: type-checking-imports=compliant
"""Per-user notification preferences, stored as JSON on the user row."""

from datetime import datetime, time
from enum import StrEnum
from typing import Optional, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, field_validator, model_validator

__all__ = ["Channel", "NotificationPreferences"]


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    PUSH = "push"


class NotificationPreferences(BaseModel):
    """What a user wants to be told about, and when."""

    channels: set[Channel] = Field(default_factory=lambda: {Channel.EMAIL})
    marketing: bool = False
    quiet_from: Optional[time] = None
    quiet_until: Optional[time] = None
    timezone: str = "UTC"

    @field_validator("timezone")
    @classmethod
    def known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except ZoneInfoNotFoundError as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def quiet_hours_complete(self) -> Self:
        """Require both ends of the quiet period or neither."""
        if (self.quiet_from is None) != (self.quiet_until is None):
            raise ValueError("set both quiet_from and quiet_until, or neither")
        return self

    def is_quiet(self, moment: datetime) -> bool:
        """Tell whether a moment falls in the user's quiet hours."""
        if self.quiet_from is None or self.quiet_until is None:
            return False
        local = moment.astimezone(ZoneInfo(self.timezone)).time()
        if self.quiet_from <= self.quiet_until:
            return self.quiet_from <= local < self.quiet_until
        return local >= self.quiet_from or local < self.quiet_until

    def channels_for(self, kind: str) -> list[Channel]:
        """Channels to use for a kind of notification."""
        if kind == "marketing" and not self.marketing:
            return []
        return sorted(channel for channel in self.channels if channel is not Channel.SMS or kind != "marketing")
