"""The `dataclass-options` check.

Dataclasses are declared `frozen=True, slots=True, kw_only=True`.
"""

from __future__ import annotations

from typing import ClassVar

from canon.checks.helpers.dataclasses import DataclassCheck

__all__ = ["DataclassOptions"]


class DataclassOptions(DataclassCheck):
    """Dataclasses are declared `frozen=True, slots=True, kw_only=True` where appropriate.

    `frozen=True` is not appropriate for a mutable registry or collection (all fields defaulting
    to fresh collections, methods changing `self`): it needs `slots=True, kw_only=True` only.
    """

    check_id: ClassVar[str] = "dataclass-options"
    summary: ClassVar[str] = (
        "A dataclass without `frozen=True, slots=True, kw_only=True` (`frozen` not asked of a "
        "mutable registry), or a `NamedTuple`/plain value class instead of one."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Mutability and value classes are recognised by their shape: fields all defaulting "
        "to fresh collections or methods changing `self` make a registry; a plain class "
        "whose `__init__` only stores its parameters as public fields, with only dunders "
        "and properties besides, is a value class."
    )
    opportunity: ClassVar[str] = (
        "Every dataclass and every value-like class (a `NamedTuple` subclass, a plain class "
        "whose `__init__` only stores its parameters as public fields, with only dunders "
        "and properties besides). Followed: `@dataclass(frozen=True, slots=True, "
        "kw_only=True)`; `slots=True, kw_only=True` for a mutable registry. Broken: a "
        "dataclass missing one; a `NamedTuple` or plain value class."
    )
    required: ClassVar[tuple[str, ...]] = ("frozen", "slots", "kw_only")
