"""The `pep695-generics` check.

Generics use PEP 695 type parameters, never `TypeVar`/`ParamSpec`/`TypeVarTuple`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check
from canon.checks.helpers.typing_names import typing_name

if TYPE_CHECKING:
    from libcst import Call, TypeParameters

__all__ = ["Pep695Generics"]


class Pep695Generics(Check):
    """Generics use PEP 695 type parameters, never `TypeVar`/`ParamSpec`/`TypeVarTuple`."""

    check_id: ClassVar[str] = "pep695-generics"
    summary: ClassVar[str] = "`TypeVar` declared instead of PEP 695 type parameters."
    opportunity: ClassVar[str] = "Flag `TypeVar(...)`. Count a PEP 695 generic definition."
    _DECLARERS: ClassVar[frozenset[str]] = frozenset({"TypeVar", "ParamSpec", "TypeVarTuple"})

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `TypeVar(...)`."""
        name = typing_name(self.context, node.func, self._DECLARERS)
        if name:
            self.flag(node, f"`{name}` declared; use PEP 695 type parameters (`def f[T](...)`)")

    @override
    def visit_TypeParameters(self, node: TypeParameters) -> None:
        """Count a PEP 695 generic definition."""
        self.ok()
