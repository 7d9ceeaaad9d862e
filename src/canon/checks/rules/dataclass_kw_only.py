"""The `dataclass-kw-only` check: dataclasses are declared `kw_only=True`."""

from typing import ClassVar

from canon.checks.helpers.dataclasses import DataclassCheck

__all__ = ["DataclassKwOnly"]


class DataclassKwOnly(DataclassCheck):
    """Dataclasses are declared `kw_only=True`."""

    check_id: ClassVar[str] = "dataclass-kw-only"
    summary: ClassVar[str] = "A dataclass without `kw_only=True`."
    opportunity: ClassVar[str] = "Judge a dataclass's options."
    required: ClassVar[tuple[str, ...]] = ("kw_only",)
