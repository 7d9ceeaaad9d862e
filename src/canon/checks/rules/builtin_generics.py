"""The `builtin-generics` check.

Generic builtins (`list[str]`), never `typing.List`, `Dict`, `Tuple`...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import ImportStar, Name, Subscript

from canon.checks.base import Check, dotted
from canon.checks.helpers.typing_names import TYPING_MODULES, typing_name

if TYPE_CHECKING:
    from libcst import CSTNode, ImportFrom

    from canon.checks.base import Rewrite

__all__ = ["BuiltinGenerics"]


TYPING_GENERICS = {
    "List": "list",
    "Dict": "dict",
    "Set": "set",
    "FrozenSet": "frozenset",
    "Tuple": "tuple",
    "Type": "type",
    "DefaultDict": "collections.defaultdict",
    "OrderedDict": "collections.OrderedDict",
    "Deque": "collections.deque",
    "Counter": "collections.Counter",
    "ChainMap": "collections.ChainMap",
}


BUILTIN_GENERICS = frozenset({"list", "dict", "set", "frozenset", "tuple", "type"})


def _builtin(name: str) -> Rewrite:
    """A fix that spells a subscript's generic as the builtin `name` (`List[int]` -> `list[int]`).

    Args:
        name: The builtin.

    Returns:
        The fix.
    """

    def rewrite(node: CSTNode) -> CSTNode:
        return node.with_changes(value=Name(name)) if isinstance(node, Subscript) else node

    return rewrite


class BuiltinGenerics(Check):
    """Generic builtins (`list[str]`), never `typing.List`, `Dict`, `Tuple`..."""

    check_id: ClassVar[str] = "builtin-generics"
    summary: ClassVar[str] = "`typing.List`/`Dict`/`Tuple`/... instead of builtins."
    opportunity: ClassVar[str] = (
        "Flag `from typing import List`. Flag `List[...]`, count `list[...]`."
    )
    fixable: ClassVar[bool] = True
    orphans: ClassVar[frozenset[str]] = frozenset(
        name for name, builtin in TYPING_GENERICS.items() if builtin.isidentifier()
    )
    _NAMES: ClassVar[frozenset[str]] = frozenset(TYPING_GENERICS)

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Flag `from typing import List`."""
        if not node.module or dotted(node.module) not in TYPING_MODULES:
            return
        if isinstance(node.names, ImportStar):
            return
        for alias in node.names:
            name = dotted(alias.name)
            if name in TYPING_GENERICS:
                message = f"`typing.{name}` imported; use `{TYPING_GENERICS[name]}`"
                self.flag(alias, message, fixable=TYPING_GENERICS[name].isidentifier())

    @override
    def visit_Subscript(self, node: Subscript) -> None:
        """Flag `List[...]`, count `list[...]`."""
        name = typing_name(self.context, node.value, self._NAMES)
        if name:
            message = f"`{name}[...]`; write `{TYPING_GENERICS[name]}[...]`"
            builtin = TYPING_GENERICS[name]
            self.flag(node, message, fix=_builtin(builtin) if builtin.isidentifier() else None)
        elif self.context.qualified(node.value) in BUILTIN_GENERICS:
            self.ok()
