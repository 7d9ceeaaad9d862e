"""The `tomllib` check: tOML is read with the standard `tomllib`, never `toml`/`tomli`."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from canon.checks.helpers.module_bans import ModuleBan

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Tomllib"]


class Tomllib(ModuleBan):
    """TOML is read with the standard `tomllib`, never `toml`/`tomli`."""

    check_id: ClassVar[str] = "tomllib"
    summary: ClassVar[str] = "`toml`/`tomli` instead of the standard `tomllib`."
    opportunity: ClassVar[str] = "Judge `import x`. Judge `from x import y`."
    banned: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"toml": "use the standard `tomllib`", "tomli": "use the standard `tomllib`"}
    )
    preferred: ClassVar[frozenset[str]] = frozenset({"tomllib", "tomli_w"})
