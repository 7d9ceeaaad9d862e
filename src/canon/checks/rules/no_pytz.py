"""The `no-pytz` check: time zones come from `zoneinfo`, never `pytz`."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from canon.checks.helpers.module_bans import ModuleBan

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["NoPytz"]


class NoPytz(ModuleBan):
    """Time zones come from `zoneinfo`, never `pytz`."""

    check_id: ClassVar[str] = "no-pytz"
    summary: ClassVar[str] = "`pytz` instead of `zoneinfo`."
    opportunity: ClassVar[str] = "Judge `import x`. Judge `from x import y`."
    banned: ClassVar[Mapping[str, str]] = MappingProxyType({"pytz": "use `zoneinfo.ZoneInfo`"})
    preferred: ClassVar[frozenset[str]] = frozenset({"zoneinfo"})
