"""The `union-operator` check: unions are written with `|`, never `Optional[X]` or `Union[A, B]`."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    BinaryOperation,
    BitOr,
    ConcatenatedString,
    Index,
    Name,
    SimpleString,
    Subscript,
)

from canon.checks.base import Check
from canon.checks.helpers.typing_names import typing_name

if TYPE_CHECKING:
    from libcst import (
        BaseExpression,
        CSTNode,
    )

__all__ = ["UnionOperator"]


def union_members(node: Subscript) -> list[BaseExpression] | None:
    """The members of `Optional[...]`/`Union[...]`, when `|` can safely replace them.

    Args:
        node: The subscript.

    Returns:
        The member expressions; None when one is a string (a forward reference, which `|`
        cannot join at run time) or a slice.
    """
    members: list[BaseExpression] = []
    for element in node.slice:
        if not isinstance(element.slice, Index):
            return None
        value = element.slice.value
        if isinstance(value, SimpleString | ConcatenatedString):
            return None
        members.append(value)
    return members


def _to_operator(node: CSTNode, *, optional: bool) -> CSTNode:
    """`Optional[X]` as `X | None`, `Union[A, B]` as `A | B`; unchanged when not safe."""
    members = union_members(node) if isinstance(node, Subscript) else None
    if not members or (optional and len(members) != 1):
        return node
    joined = [*members, *([Name("None")] if optional else [])]
    # `None | None` fails at run time: None joins the union once (`Optional[None]` is `None`)
    nones = [index for index, member in enumerate(joined) if _is_none(member)]
    joined = [member for index, member in enumerate(joined) if index not in nones[1:]]
    result = joined[0]
    for member in joined[1:]:
        result = BinaryOperation(left=result, operator=BitOr(), right=member)
    return result


def _is_none(node: BaseExpression) -> bool:
    return isinstance(node, Name) and node.value == "None"


class UnionOperator(Check):
    """Unions are written with `|`, never `Optional[X]` or `Union[A, B]`."""

    check_id: ClassVar[str] = "union-operator"
    summary: ClassVar[str] = "`Optional[X]`/`Union[A, B]` instead of `X | None`/`A | B`."
    opportunity: ClassVar[str] = (
        "Flag `Optional[...]` and `Union[...]` in type expressions. Count a `|` union "
        "in an annotation."
    )
    fixable: ClassVar[bool] = True
    orphans: ClassVar[frozenset[str]] = frozenset({"Optional", "Union"})
    _NAMES: ClassVar[frozenset[str]] = frozenset({"Optional", "Union"})

    @override
    def visit_Subscript(self, node: Subscript) -> None:
        """Flag `Optional[...]` and `Union[...]` in type expressions.

        Type expressions are annotations and anything outside function bodies (aliases);
        `Union[...]` built at run time inside a function is left alone, as ruff does.
        """
        if not self.context.annotation_depth and self.context.function() is not None:
            return
        name = typing_name(self.context, node.value, self._NAMES)
        fix = partial(_to_operator, optional=name == "Optional") if union_members(node) else None
        if name == "Optional":
            self.flag(node, "`Optional[X]`; write `X | None`", fix=fix)
        elif name == "Union":
            self.flag(node, "`Union[A, B]`; write `A | B`", fix=fix)

    @override
    def visit_BinaryOperation(self, node: BinaryOperation) -> None:
        """Count a `|` union in an annotation."""
        if self.context.annotation_depth and isinstance(node.operator, BitOr):
            self.ok()
