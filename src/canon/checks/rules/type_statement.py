"""The `type-statement` check.

Type aliases use the `type` statement, never a plain assignment or a `TypeAlias` annotation.
"""

from __future__ import annotations

from re import fullmatch
from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    AnnAssign,
    BinaryOperation,
    BitOr,
    Call,
    ClassDef,
    Index,
    Name,
    Subscript,
    TypeAlias,
)

from canon.checks.base import Check
from canon.checks.helpers.typing_names import typing_name

if TYPE_CHECKING:
    from libcst import (
        Assign,
        BaseExpression,
        CSTNode,
    )

    from canon.checks.base import FileContext

__all__ = ["TypeStatement"]


def _type_statement(node: CSTNode) -> CSTNode:
    """`X: TypeAlias = V` as `type X = V`; unchanged without a value or a plain name."""
    if not isinstance(node, AnnAssign) or node.value is None or not isinstance(node.target, Name):
        return node
    return TypeAlias(name=node.target, value=node.value)


def _calls(node: CSTNode) -> bool:
    """Whether an expression makes a call anywhere (run-time metadata)."""
    return isinstance(node, Call) or any(_calls(child) for child in node.children)


_BUILTIN_GENERICS = frozenset({"list", "dict", "set", "frozenset", "tuple", "type"})
_BUILTIN_TYPES = _BUILTIN_GENERICS | {
    "int",
    "str",
    "float",
    "bool",
    "bytes",
    "bytearray",
    "complex",
    "object",
    "None",
}
_GENERIC_MODULES = frozenset(
    {"typing", "typing_extensions", "collections.abc", "collections", "re", "os"}
)
_GENERICS = frozenset(
    {
        "AbstractSet",
        "Annotated",
        "AsyncGenerator",
        "AsyncIterable",
        "AsyncIterator",
        "Awaitable",
        "Callable",
        "ChainMap",
        "Collection",
        "Container",
        "Coroutine",
        "Counter",
        "DefaultDict",
        "Deque",
        "Dict",
        "FrozenSet",
        "Generator",
        "ItemsView",
        "Iterable",
        "Iterator",
        "KeysView",
        "List",
        "Literal",
        "Mapping",
        "MappingView",
        "Match",
        "MutableMapping",
        "MutableSequence",
        "MutableSet",
        "Optional",
        "OrderedDict",
        "Pattern",
        "PathLike",
        "Sequence",
        "Set",
        "Tuple",
        "Type",
        "TypeGuard",
        "TypeIs",
        "Union",
        "ValuesView",
        "defaultdict",
        "deque",
    }
)
_SPECIAL_FORMS = frozenset({"Any", "LiteralString", "Never", "NoReturn"})


class TypeStatement(Check):
    """Type aliases use the `type` statement, never a plain assignment or `TypeAlias`.

    A type alias is an assignment at module or class level whose value is a type
    expression: a subscripted generic (`list[float]`, `Callable[[int], None]`,
    `Optional[str]`), a union of types (`int | None`, `Circle | Square`), or a bare `typing`
    special form (`Any`). Calls (`TypeVar("T")`, `list()`), literals and other subscripts
    (`CONFIG["key"]`) are values, not aliases.
    """

    check_id: ClassVar[str] = "type-statement"
    summary: ClassVar[str] = (
        "A type alias written as an assignment (`Vector = list[float]`), a `TypeAlias` "
        "annotation or `TypeAliasType(...)` instead of the `type` statement."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A type expression is recognised by its spelling: subscripts of known generics "
        "(builtins, `typing`, `collections.abc`), unions of builtin types, `None`, generics, "
        "classes of the file and CapWords names. An `Annotated` alias carrying run-time "
        "metadata (`Annotated[int, mapped_column(...)]`) is not judged: libraries read it "
        "from a plain assignment."
    )
    opportunity: ClassVar[str] = (
        "Every type alias at module or class level, however spelled. Followed: "
        "`type Vector = list[float]`. Broken: `Vector = list[float]`, `X = int | None`, "
        "`Handler = Callable[[int], None]`, `X: TypeAlias = ...`, `TypeAliasType(...)`. "
        'Ordinary values (`DEFAULTS = list()`, `NAMES = ["a"]`, `T = TypeVar("T")`, '
        "constants, instances) are not aliases."
    )
    fixable: ClassVar[bool] = True
    orphans: ClassVar[frozenset[str]] = frozenset({"TypeAlias"})

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.classes: set[str] = set()
        self.aliases: set[str] = set()

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Remember the file's classes: a union of them is a type."""
        self.classes.add(node.name.value)

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Flag a type expression assigned at module or class level."""
        stack = self.context.stack
        if stack and not isinstance(stack[-1], ClassDef):
            return
        if len(node.targets) != 1 or not isinstance(node.targets[0].target, Name):
            return
        if self._alias(node.value):
            name = node.targets[0].target.value
            self.aliases.add(name)
            self.flag(node, f"type alias `{name}` assigned; write `type {name} = ...`")

    @override
    def visit_AnnAssign(self, node: AnnAssign) -> None:
        """Flag `X: TypeAlias = ...`."""
        if typing_name(self.context, node.annotation.annotation, frozenset({"TypeAlias"})):
            if isinstance(node.target, Name):
                self.aliases.add(node.target.value)
            self.flag(node, "`TypeAlias` annotation; write `type X = ...`", fix=_type_statement)

    @override
    def visit_TypeAlias(self, node: TypeAlias) -> None:
        """Count a `type` statement."""
        self.aliases.add(node.name.value)
        self.ok()

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `TypeAliasType(...)`."""
        if typing_name(self.context, node.func, frozenset({"TypeAliasType"})):
            self.flag(node, "`TypeAliasType(...)`; write `type X = ...`", fixable=False)

    def _alias(self, value: BaseExpression) -> bool:
        """Whether an assigned value is a type expression (an alias, not a value)."""
        if isinstance(value, Subscript):
            return self._generic(value)
        if isinstance(value, BinaryOperation):
            return self._union(value)
        return bool(typing_name(self.context, value, _SPECIAL_FORMS))

    def _generic(self, node: Subscript) -> bool:
        """`list[float]`, `Callable[...]`, `Optional[str]`; not `CONFIG["key"]`."""
        name = self._known(node.value, _BUILTIN_GENERICS, _GENERICS)
        if name != "Annotated":
            return bool(name)
        metadata = node.slice[1:]
        return not any(
            isinstance(element.slice, Index) and _calls(element.slice.value) for element in metadata
        )

    def _union(self, node: BaseExpression) -> bool:
        """`int | None`, `Circle | Square`: every operand a type."""
        if isinstance(node, BinaryOperation):
            return (
                isinstance(node.operator, BitOr)
                and self._union(node.left)
                and self._union(node.right)
            )
        if isinstance(node, Subscript):
            return self._generic(node)
        if not isinstance(node, Name):
            return False
        name = node.value
        if name in self.classes or name in self.aliases:
            return True
        if fullmatch(r"_?[A-Z][a-z]\w*", name) and name not in self.context.defined:
            return True  # an imported class; a CapWords constant of the file is a value
        return bool(self._known(node, _BUILTIN_TYPES, _SPECIAL_FORMS | _GENERICS))

    def _known(
        self, node: BaseExpression, builtins: frozenset[str], imported: frozenset[str]
    ) -> str:
        """The name a builtin or library type spells, through the file's imports, or ""."""
        qualified = self.context.qualified(node)
        module, _, name = qualified.rpartition(".")
        unbound = name not in self.context.aliases and name not in self.context.defined
        if not module:
            return name if unbound and (name in builtins or name in imported) else ""
        return name if module in _GENERIC_MODULES and name in imported else ""
