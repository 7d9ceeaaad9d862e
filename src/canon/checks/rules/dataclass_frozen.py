"""The `dataclass-frozen` check: dataclasses are declared `frozen=True`."""

from __future__ import annotations

from typing import ClassVar

from canon.checks.helpers.dataclasses import DataclassCheck

__all__ = ["DataclassFrozen"]


class DataclassFrozen(DataclassCheck):
    """Value objects are immutable: dataclasses declared `frozen=True`.

    Mutable registries and collections (every field defaulting to `field(default_factory=list)`,
    methods changing `self`) are no value objects and are not judged.
    """

    check_id: ClassVar[str] = "dataclass-frozen"
    summary: ClassVar[str] = (
        "A value-object dataclass without `frozen=True`, or a plain class storing its "
        "arguments instead of a frozen dataclass."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A value object is recognised by its shape: a dataclass that is no mutable registry "
        "(not all fields defaulting to fresh collections, no method changing `self`), a "
        "`NamedTuple`, or a plain class whose `__init__` only stores its parameters as "
        "public fields, with only dunders and properties besides."
    )
    opportunity: ClassVar[str] = (
        "Every value-like class: a dataclass (not a mutable registry or collection), a "
        "`NamedTuple` subclass, a plain class without bases whose `__init__` only stores "
        "its parameters as public fields (`self.x = x`), with only dunders and properties "
        "besides. Followed: `@dataclass(frozen=True)`, or a `NamedTuple` (immutable). "
        "Broken: a dataclass without `frozen=True`; a plain value class. A dataclass whose "
        "fields all default to fresh collections, or whose methods change `self`, is no "
        "opportunity unless declared frozen."
    )
    required: ClassVar[tuple[str, ...]] = ("frozen",)
    namedtuple_follows: ClassVar[bool] = True
