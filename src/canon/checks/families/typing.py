"""Typing checks.

PEP 695 generics, `type` aliases, `|` unions, builtin generics, `Self`, `collections.abc`,
complete annotations, no `Any`, no `*args`/`**kwargs`.
"""

from typing import ClassVar, override

from libcst import (
    AnnAssign,
    Annotation,
    Assign,
    Attribute,
    BaseExpression,
    BaseSmallStatement,
    BinaryOperation,
    BitOr,
    Call,
    ClassDef,
    ConcatenatedString,
    FunctionDef,
    ImportAlias,
    ImportFrom,
    ImportStar,
    IndentedBlock,
    Index,
    Name,
    Param,
    Return,
    SimpleStatementLine,
    SimpleString,
    Subscript,
    TypeAlias,
    TypeParameters,
)

from canon.checks.base import Check, FileContext, dotted

__all__ = [
    "ABC_NAMES",
    "CHECKS",
    "TYPING_GENERICS",
    "AbcImports",
    "Annotations",
    "BuiltinGenerics",
    "NoAny",
    "NoStarArgs",
    "Pep695Generics",
    "SelfType",
    "TypeStatement",
    "UnionOperator",
    "union_members",
]

TYPING_MODULES = frozenset({"typing", "typing_extensions"})
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
ABC_NAMES = frozenset(
    {
        "AbstractSet", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable",
        "ByteString", "Callable", "Collection", "Container", "Coroutine", "Generator",
        "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
        "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Sized",
        "ValuesView",
    }
)  # fmt: skip
BUILTIN_GENERICS = frozenset({"list", "dict", "set", "frozenset", "tuple", "type"})


def typing_name(context: FileContext, node: BaseExpression, names: frozenset[str]) -> str:
    """The `typing` name an expression refers to, if it is one of `names`.

    A bare name the file neither imports nor defines counts too: generated snippets often
    omit imports.

    Args:
        context: The file's context.
        node: A `Name` or `Attribute`.
        names: The typing names of interest.

    Returns:
        The typing name (`Optional`), or "".
    """
    qualified = context.qualified(node)
    module, _, name = qualified.rpartition(".")
    if name not in names:
        return ""
    if module in TYPING_MODULES:
        return name
    unbound = name not in context.aliases and name not in context.defined
    return name if not module and unbound else ""
    return ""


class Pep695Generics(Check):
    """Generics use PEP 695 type parameters, never `TypeVar`/`ParamSpec`/`TypeVarTuple`."""

    check_id: ClassVar[str] = "pep695-generics"
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


class TypeStatement(Check):
    """Type aliases use the `type` statement, never a `TypeAlias` annotation."""

    check_id: ClassVar[str] = "type-statement"
    fixable: ClassVar[bool] = True

    @override
    def visit_AnnAssign(self, node: AnnAssign) -> None:
        """Flag `X: TypeAlias = ...`."""
        if typing_name(self.context, node.annotation.annotation, frozenset({"TypeAlias"})):
            self.flag(node, "`TypeAlias` annotation; write `type X = ...`")

    @override
    def visit_TypeAlias(self, node: TypeAlias) -> None:
        """Count a `type` statement."""
        self.ok()

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `TypeAliasType(...)`."""
        if typing_name(self.context, node.func, frozenset({"TypeAliasType"})):
            self.flag(node, "`TypeAliasType(...)`; write `type X = ...`", fixable=False)


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


class UnionOperator(Check):
    """Unions are written with `|`, never `Optional[X]` or `Union[A, B]`."""

    check_id: ClassVar[str] = "union-operator"
    fixable: ClassVar[bool] = True
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
        fixable = bool(union_members(node))
        if name == "Optional":
            self.flag(node, "`Optional[X]`; write `X | None`", fixable=fixable)
        elif name == "Union":
            self.flag(node, "`Union[A, B]`; write `A | B`", fixable=fixable)

    @override
    def visit_BinaryOperation(self, node: BinaryOperation) -> None:
        """Count a `|` union in an annotation."""
        if self.context.annotation_depth and isinstance(node.operator, BitOr):
            self.ok()


def _annotation_names(annotation: BaseExpression) -> str:
    """The class name an annotation spells: `Cls`, `"Cls"`, `Cls[T]` or `"Cls[T]"`."""
    if isinstance(annotation, Subscript):
        annotation = annotation.value
    if isinstance(annotation, SimpleString):
        text = annotation.evaluated_value
        return text.partition("[")[0].strip() if isinstance(text, str) else ""
    return dotted(annotation)


class SelfType(Check):
    """Methods returning their own instance are annotated `-> Self`."""

    check_id: ClassVar[str] = "self-type"

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.returning_self: set[int] = set()

    @override
    def visit_Return(self, node: Return) -> None:
        """Note that the enclosing function returns `self`."""
        function = self.context.function()
        value = node.value
        if function is not None and isinstance(value, Name) and value.value == "self":
            self.returning_self.add(id(function))

    @override
    def leave_FunctionDef(self, original_node: FunctionDef) -> None:
        """Judge a method's return annotation against its class."""
        node = original_node
        cls = self.context.enclosing_class()
        if cls is None or node.returns is None or _is_static(node):
            return
        annotation = node.returns.annotation
        spelled = _annotation_names(annotation)
        if spelled and spelled == cls.name.value:
            self.flag(node.returns, f"returns `{spelled}` by name; annotate `-> Self`")
        elif typing_name(self.context, annotation, frozenset({"Self"})):
            self.ok()
        elif id(node) in self.returning_self:
            self.flag(node.returns, "returns `self`; annotate `-> Self`")


def _is_static(node: FunctionDef) -> bool:
    return any(dotted(d.decorator) == "staticmethod" for d in node.decorators)


class BuiltinGenerics(Check):
    """Generic builtins (`list[str]`), never `typing.List`, `Dict`, `Tuple`..."""

    check_id: ClassVar[str] = "builtin-generics"
    fixable: ClassVar[bool] = True
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
            self.flag(node, message, fixable=TYPING_GENERICS[name].isidentifier())
        elif self.context.qualified(node.value) in BUILTIN_GENERICS:
            self.ok()


class AbcImports(Check):
    """Abstract collection types come from `collections.abc`, never `typing`."""

    check_id: ClassVar[str] = "abc-imports"
    fixable: ClassVar[bool] = True

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
                self.flag(alias, f"`{name}` from `{module}`; import it from `collections.abc`")
            elif module == "collections.abc":
                self.ok()

    @override
    def visit_Attribute(self, node: Attribute) -> None:
        """Flag `typing.Callable`."""
        qualified = self.context.qualified(node)
        module, _, name = qualified.rpartition(".")
        if name in ABC_NAMES and module in TYPING_MODULES and dotted(node.value):
            self.flag(node, f"`{qualified}`; use `collections.abc.{name}`", fixable=False)


_EXEMPT_ATTRIBUTES = frozenset({"__slots__", "model_config", "__match_args__", "__all__"})
_ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"})


class Annotations(Check):
    """Every parameter, return type and class attribute is annotated."""

    check_id: ClassVar[str] = "annotations"

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count each parameter and the return type."""
        method = self.context.enclosing_class() is not None and not _is_static(node)
        params = node.params
        ordered = [*params.posonly_params, *params.params]
        for index, param in enumerate(ordered):
            if index == 0 and method:
                continue
            self._param(param)
        for param in (params.star_arg, params.star_kwarg, *params.kwonly_params):
            if isinstance(param, Param):
                self._param(param)
        name = node.name.value
        if node.returns is None:
            self.flag(node.name, f"`{name}` has no return annotation")
        else:
            self.ok()

    def _param(self, param: Param) -> None:
        if param.annotation is None:
            self.flag(param, f"parameter `{param.name.value}` has no annotation")
        else:
            self.ok()

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Count each attribute assigned in the class body."""
        bases = {dotted(arg.value).rpartition(".")[2] for arg in node.bases}
        if bases & _ENUM_BASES or not isinstance(node.body, IndentedBlock):
            return
        for statement in node.body.body:
            if not isinstance(statement, SimpleStatementLine):
                continue
            for small in statement.body:
                self._attribute(small)

    def _attribute(self, small: BaseSmallStatement) -> None:
        if isinstance(small, AnnAssign):
            self.ok()
        elif isinstance(small, Assign):
            for target in small.targets:
                name = dotted(target.target)
                if name and name not in _EXEMPT_ATTRIBUTES:
                    self.flag(target.target, f"class attribute `{name}` has no annotation")


class NoAny(Check):
    """`typing.Any` is never used."""

    check_id: ClassVar[str] = "no-any"

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


class NoStarArgs(Check):
    """Functions take explicit parameters, never `*args`/`**kwargs`."""

    check_id: ClassVar[str] = "no-star-args"

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Flag `*args` and `**kwargs`."""
        star = node.params.star_arg
        kwargs = node.params.star_kwarg
        if isinstance(star, Param):
            self.flag(star, f"`*{star.name.value}`; declare the parameters explicitly")
        elif kwargs is None:
            self.ok()
        if kwargs is not None:
            self.flag(kwargs, f"`**{kwargs.name.value}`; declare the parameters explicitly")


CHECKS: dict[str, type[Check]] = {
    cls.check_id: cls
    for cls in (
        Pep695Generics,
        TypeStatement,
        UnionOperator,
        SelfType,
        BuiltinGenerics,
        AbcImports,
        Annotations,
        NoAny,
        NoStarArgs,
    )
}
