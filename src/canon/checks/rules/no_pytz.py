"""The `no-pytz` check: time zones come from `zoneinfo`, never `pytz`."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

from canon.checks.helpers.module_bans import ModuleBan

__all__ = ["NoPytz"]


class NoPytz(ModuleBan):
    """Time zones come from `zoneinfo`, never `pytz`."""

    check_id: ClassVar[str] = "no-pytz"
    summary: ClassVar[str] = "`pytz` instead of `zoneinfo`."
    opportunity: ClassVar[str] = "Judge `import x`. Judge `from x import y`."
    banned: ClassVar[Mapping[str, str]] = MappingProxyType({"pytz": "use `zoneinfo.ZoneInfo`"})
    preferred: ClassVar[frozenset[str]] = frozenset({"zoneinfo"})
