"""The `abc-imports` check.

Abstract collection types come from `collections.abc`, never `typing`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    FlattenSentinel,
    ImportFrom,
    ImportStar,
    MaybeSentinel,
    Module,
    SimpleStatementLine,
    parse_statement,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.typing_names import TYPING_MODULES

if TYPE_CHECKING:
    from libcst import (
        Attribute,
        CSTNode,
        SimpleStatementSuite,
    )

    from canon.checks.base import FileContext

__all__ = ["AbcImports"]


ABC_NAMES = frozenset(
    {
        "AbstractSet", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable",
        "ByteString", "Callable", "Collection", "Container", "Coroutine", "Generator",
        "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
        "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Sized",
        "ValuesView",
    }
)  # fmt: skip


def _split_abc(line: CSTNode) -> CSTNode | FlattenSentinel[CSTNode]:
    """Move the abstract types a `from typing import ...` line names to `collections.abc`."""
    if not isinstance(line, SimpleStatementLine):
        return line
    for small in line.body:
        if not isinstance(small, ImportFrom) or isinstance(small.names, ImportStar):
            continue
        if not small.module or dotted(small.module) not in TYPING_MODULES:
            continue
        moved = [a for a in small.names if dotted(a.name) in ABC_NAMES]
        if not moved:
            continue
        names = [
            Module(body=()).code_for_node(a.with_changes(comma=MaybeSentinel.DEFAULT))
            for a in moved
        ]
        added = parse_statement(f"from collections.abc import {', '.join(names)}\n")
        added = added.with_changes(leading_lines=line.leading_lines)
        keep = [a for a in small.names if dotted(a.name) not in ABC_NAMES]
        if not keep:
            return added
        keep[-1] = keep[-1].with_changes(comma=MaybeSentinel.DEFAULT)
        rest = line.with_changes(body=[small.with_changes(names=keep)], leading_lines=())
        return FlattenSentinel([added, rest])
    return line


class AbcImports(Check):
    """Abstract collection types come from `collections.abc`, never `typing`."""

    check_id: ClassVar[str] = "abc-imports"
    summary: ClassVar[str] = "Abstract collection types imported from `typing`."
    opportunity: ClassVar[str] = (
        "Flag `from typing import Callable`, count `from collections.abc import ...`. "
        "Flag `typing.Callable`."
    )
    fixable: ClassVar[bool] = True

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.line: SimpleStatementLine | None = None

    @override
    def visit_SimpleStatementLine(self, node: SimpleStatementLine) -> None:
        """Remember the statement line: the fix rewrites it."""
        self.line = node

    @override
    def visit_SimpleStatementSuite(self, node: SimpleStatementSuite) -> None:
        """Forget the line: imports after `:` on one line are not fixed."""
        self.line = None

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Flag `from typing import Callable`, count `from collections.abc import ...`."""
        if not node.module or isinstance(node.names, ImportStar):
            return
        module = dotted(node.module)
        for alias in node.names:
            name = dotted(alias.name)
            if name not in ABC_NAMES:
                continue
            if module in TYPING_MODULES:
                message = f"`{name}` from `{module}`; import it from `collections.abc`"
                fix = _split_abc if self.line is not None else None
                self.flag(alias, message, fix=fix, target=self.line, fixable=True)
            elif module == "collections.abc":
                self.ok()

    @override
    def visit_Attribute(self, node: Attribute) -> None:
        """Flag `typing.Callable`."""
        qualified = self.context.qualified(node)
        module, _, name = qualified.rpartition(".")
        if name in ABC_NAMES and module in TYPING_MODULES and dotted(node.value):
            self.flag(node, f"`{qualified}`; use `collections.abc.{name}`", fixable=False)
