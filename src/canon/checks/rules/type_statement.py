"""The `type-statement` check.

Type aliases use the `type` statement, never a `TypeAlias` annotation.
"""

from typing import ClassVar, override

from libcst import AnnAssign, Call, CSTNode, Name, TypeAlias

from canon.checks.base import Check
from canon.checks.helpers.typing_names import typing_name

__all__ = ["TypeStatement"]


def _type_statement(node: CSTNode) -> CSTNode:
    """`X: TypeAlias = V` as `type X = V`; unchanged without a value or a plain name."""
    if not isinstance(node, AnnAssign) or node.value is None or not isinstance(node.target, Name):
        return node
    return TypeAlias(name=node.target, value=node.value)


class TypeStatement(Check):
    """Type aliases use the `type` statement, never a `TypeAlias` annotation."""

    check_id: ClassVar[str] = "type-statement"
    summary: ClassVar[str] = "`TypeAlias` annotation instead of the `type` statement."
    opportunity: ClassVar[str] = (
        "Flag `X: TypeAlias = ...`. Count a `type` statement. Flag `TypeAliasType(...)`."
    )
    fixable: ClassVar[bool] = True
    orphans: ClassVar[frozenset[str]] = frozenset({"TypeAlias"})

    @override
    def visit_AnnAssign(self, node: AnnAssign) -> None:
        """Flag `X: TypeAlias = ...`."""
        if typing_name(self.context, node.annotation.annotation, frozenset({"TypeAlias"})):
            self.flag(node, "`TypeAlias` annotation; write `type X = ...`", fix=_type_statement)

    @override
    def visit_TypeAlias(self, node: TypeAlias) -> None:
        """Count a `type` statement."""
        self.ok()

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `TypeAliasType(...)`."""
        if typing_name(self.context, node.func, frozenset({"TypeAliasType"})):
            self.flag(node, "`TypeAliasType(...)`; write `type X = ...`", fixable=False)
