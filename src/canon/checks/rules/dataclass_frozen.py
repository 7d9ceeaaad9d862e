"""The `dataclass-frozen` check: dataclasses are declared `frozen=True`."""

from typing import ClassVar

from canon.checks.helpers.dataclasses import DataclassCheck

__all__ = ["DataclassFrozen"]


class DataclassFrozen(DataclassCheck):
    """Dataclasses are declared `frozen=True`."""

    check_id: ClassVar[str] = "dataclass-frozen"
    summary: ClassVar[str] = "A dataclass without `frozen=True`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Every dataclass counts."
    opportunity: ClassVar[str] = "Judge a dataclass's options."
    required: ClassVar[tuple[str, ...]] = ("frozen",)
