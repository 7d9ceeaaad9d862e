"""The `no-any` check: `typing.Any` is never used."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check
from canon.checks.helpers.typing_names import typing_name

if TYPE_CHECKING:
    from libcst import Annotation, Attribute, ImportAlias, Name

    from canon.checks.base import FileContext

__all__ = ["NoAny"]


class NoAny(Check):
    """`typing.Any` is never used."""

    check_id: ClassVar[str] = "no-any"
    summary: ClassVar[str] = "`typing.Any` used."
    opportunity: ClassVar[str] = (
        "Count an annotation. Leave the import itself to the uses. Flag `Any`. Flag `typing.Any`."
    )

    @override
    def visit_Annotation(self, node: Annotation) -> None:
        """Count an annotation."""
        self.ok()

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.seen: set[int] = set()

    @override
    def visit_ImportAlias(self, node: ImportAlias) -> None:
        """Leave the import itself to the uses."""
        self.seen.add(id(node.name))

    @override
    def visit_Name(self, node: Name) -> None:
        """Flag `Any`."""
        if node.value != "Any" or id(node) in self.seen:
            return
        if typing_name(self.context, node, frozenset({"Any"})):
            self.flag(node, "`Any` used; name the type, use a type parameter or `object`")

    @override
    def visit_Attribute(self, node: Attribute) -> None:
        """Flag `typing.Any`."""
        self.seen.add(id(node.attr))
        if node.attr.value == "Any" and typing_name(self.context, node, frozenset({"Any"})):
            self.flag(node, "`typing.Any` used; name the type, use a type parameter or `object`")
