"""The `orjson` check: jSON goes through `orjson`, not the standard `json`."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from canon.checks.helpers.module_bans import ModuleBan

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Orjson"]


class Orjson(ModuleBan):
    """JSON goes through `orjson`, not the standard `json`."""

    check_id: ClassVar[str] = "orjson"
    summary: ClassVar[str] = "The standard `json` module instead of `orjson`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Code that must avoid a compiled dependency is flagged too."
    opportunity: ClassVar[str] = "Judge `import x`. Judge `from x import y`."
    banned: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"json": "use `orjson` (`orjson.dumps`/`orjson.loads`)"}
    )
    preferred: ClassVar[frozenset[str]] = frozenset({"orjson"})
