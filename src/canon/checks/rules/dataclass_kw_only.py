"""The `dataclass-kw-only` check: dataclasses are declared `kw_only=True`."""

from __future__ import annotations

from typing import ClassVar

from canon.checks.helpers.dataclasses import DataclassCheck

__all__ = ["DataclassKwOnly"]


class DataclassKwOnly(DataclassCheck):
    """Dataclasses are declared `kw_only=True`; value classes are such dataclasses."""

    check_id: ClassVar[str] = "dataclass-kw-only"
    summary: ClassVar[str] = (
        "A dataclass without `kw_only=True`, or a `NamedTuple`/plain value class instead of "
        "a keyword-only dataclass."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A plain value class is recognised by its shape: no bases or decorators, an "
        "`__init__` that only stores its parameters as public fields, only dunders and "
        "properties besides."
    )
    opportunity: ClassVar[str] = (
        "Every dataclass and every value-like class (a `NamedTuple` subclass, a plain class "
        "whose `__init__` only stores its parameters as public fields, with only dunders "
        "and properties besides). Followed: `@dataclass(kw_only=True)`. Broken: a dataclass "
        "without it; a `NamedTuple` or plain value class (positional)."
    )
    required: ClassVar[tuple[str, ...]] = ("kw_only",)
