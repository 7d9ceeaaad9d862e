"""The `no-pickle` check: data is never (un)pickled."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from canon.checks.helpers.module_bans import ModuleBan

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["NoPickle"]


class NoPickle(ModuleBan):
    """Data is never (un)pickled."""

    check_id: ClassVar[str] = "no-pickle"
    summary: ClassVar[str] = "`pickle` (or `dill`, `shelve`) used."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Trusted-data uses are flagged too."
    opportunity: ClassVar[str] = "Judge `import x`. Judge `from x import y`."
    _WHY: ClassVar[str] = (
        "pickle runs code from its input; use JSON (`orjson`) or a schema'd format"
    )
    banned: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"pickle": _WHY, "cPickle": _WHY, "dill": _WHY, "shelve": _WHY, "cloudpickle": _WHY}
    )
    preferred: ClassVar[frozenset[str]] = frozenset(
        {"json", "orjson", "msgpack", "marshmallow", "pydantic"}
    )
