"""The `dataclass-options` check.

Dataclasses are declared `frozen=True, slots=True, kw_only=True`.
"""

from typing import ClassVar

from canon.checks.helpers.dataclasses import DataclassCheck

__all__ = ["DataclassOptions"]


class DataclassOptions(DataclassCheck):
    """Dataclasses are declared `frozen=True, slots=True, kw_only=True`."""

    check_id: ClassVar[str] = "dataclass-options"
    summary: ClassVar[str] = "A dataclass without `frozen=True, slots=True, kw_only=True`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Every dataclass counts; one that must be mutable is flagged too."
    opportunity: ClassVar[str] = "Judge a dataclass's options."
    required: ClassVar[tuple[str, ...]] = ("frozen", "slots", "kw_only")
