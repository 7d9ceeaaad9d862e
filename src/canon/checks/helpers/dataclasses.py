"""The base of checks that judge `@dataclass` options, and what makes a class value-like."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    AnnAssign,
    Assign,
    Attribute,
    Call,
    CSTVisitor,
    Expr,
    FunctionDef,
    IndentedBlock,
    Name,
    SimpleStatementLine,
    SimpleString,
    Subscript,
)

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import (
        Annotation,
        AugAssign,
        BaseExpression,
        ClassDef,
        CSTNode,
        Decorator,
        Del,
    )

    from canon.checks.base import FileContext

__all__ = ["DATACLASS", "DataclassCheck", "dataclass_options", "mutable", "value_kind"]


DATACLASS = frozenset({"dataclasses.dataclass", "dataclass"})
_NAMED_TUPLES = frozenset({"typing.NamedTuple", "NamedTuple", "collections.namedtuple"})
_COLLECTIONS = frozenset(
    {"list", "dict", "set", "deque", "defaultdict", "Counter", "OrderedDict", "bytearray"}
)
_MUTATORS = frozenset(
    {
        "append",
        "extend",
        "insert",
        "remove",
        "pop",
        "clear",
        "update",
        "add",
        "discard",
        "setdefault",
        "popitem",
        "sort",
        "reverse",
        "appendleft",
        "popleft",
    }
)


def dataclass_options(
    context: FileContext, node: ClassDef
) -> tuple[Decorator, dict[str, bool]] | None:
    """A class's `@dataclass` decorator and its boolean options.

    Args:
        context: The file's context.
        node: The class.

    Returns:
        The decorator and its options; None if the class has no `@dataclass`.
    """
    for decorator in node.decorators:
        expression = decorator.decorator
        call = expression if isinstance(expression, Call) else None
        target = call.func if call else expression
        if context.qualified(target) not in DATACLASS:
            continue
        options: dict[str, bool] = {}
        for arg in call.args if call else ():
            if arg.keyword is not None and isinstance(arg.value, Name):
                options[arg.keyword.value] = arg.value.value == "True"
        return decorator, options
    return None


def _self_target(node: BaseExpression) -> bool:
    """Whether an assignment target is `self.x`, `self.x[k]` or `self.x.y`."""
    while isinstance(node, Subscript | Attribute):
        if isinstance(node, Attribute) and dotted(node.value) == "self":
            return True
        node = node.value
    return False


class _SelfMutations(CSTVisitor):
    """Finds a method statement that changes `self` (`self.x = ...`, `self.items.append(...)`)."""

    def __init__(self) -> None:
        super().__init__()
        self.found = False

    @override
    def visit_Assign(self, node: Assign) -> None:
        self.found |= any(_self_target(target.target) for target in node.targets)

    @override
    def visit_AnnAssign(self, node: AnnAssign) -> None:
        self.found |= node.value is not None and _self_target(node.target)

    @override
    def visit_AugAssign(self, node: AugAssign) -> None:
        self.found |= _self_target(node.target)

    @override
    def visit_Del(self, node: Del) -> None:
        self.found |= _self_target(node.target)

    @override
    def visit_Call(self, node: Call) -> None:
        func = node.func
        if isinstance(func, Attribute) and func.attr.value in _MUTATORS:
            self.found |= _self_target(func.value)


def _methods(node: ClassDef) -> list[FunctionDef]:
    body = node.body.body if isinstance(node.body, IndentedBlock) else ()
    return [statement for statement in body if isinstance(statement, FunctionDef)]


def _collection_holder(node: ClassDef) -> bool:
    """Whether every field defaults to a fresh collection (`field(default_factory=list)`)."""
    body = node.body.body if isinstance(node.body, IndentedBlock) else ()
    fields = [
        small
        for statement in body
        if isinstance(statement, SimpleStatementLine)
        for small in statement.body
        if isinstance(small, AnnAssign) and "ClassVar" not in dotted(_base(small.annotation))
    ]
    return bool(fields) and all(_fresh_collection(field.value) for field in fields)


def _base(annotation: Annotation) -> BaseExpression:
    value = annotation.annotation
    return value.value if isinstance(value, Subscript) else value


def _fresh_collection(value: BaseExpression | None) -> bool:
    """Whether a field default is `field(default_factory=list)` or the like."""
    if not isinstance(value, Call):
        return False
    return any(
        arg.keyword is not None
        and arg.keyword.value == "default_factory"
        and dotted(arg.value) in _COLLECTIONS
        for arg in value.args
    )


def mutable(node: ClassDef) -> bool:
    """Whether a class is a mutable registry or collection rather than a value object.

    Every field defaults to a fresh collection (`field(default_factory=list)`: a registry),
    or a method other than `__init__` changes `self` (`self.items.append(x)`,
    `self.count += 1`). A value object with one collection field among others is no registry.

    Args:
        node: The class.

    Returns:
        True for a mutable class.
    """
    if _collection_holder(node):
        return True
    finder = _SelfMutations()
    for method in _methods(node):
        if method.name.value != "__init__":
            method.body.visit(finder)
    return finder.found


def _only_assigns_parameters(init: FunctionDef) -> bool:
    """Whether `__init__` only stores its parameters as public fields: `self.x = x`."""
    params = {param.name.value for param in (*init.params.params, *init.params.kwonly_params)}
    body = init.body.body if isinstance(init.body, IndentedBlock) else ()
    stored = 0
    for statement in body:
        if not isinstance(statement, SimpleStatementLine):
            return False
        for small in statement.body:
            if isinstance(small, Expr) and isinstance(small.value, SimpleString):
                continue
            value = small.value if isinstance(small, Assign | AnnAssign) else None
            targets: list[CSTNode] = (
                [target.target for target in small.targets]
                if isinstance(small, Assign)
                else [small.target]
                if isinstance(small, AnnAssign)
                else []
            )
            if not (isinstance(value, Name) and value.value in params and len(targets) == 1):
                return False
            target = targets[0]
            if not (isinstance(target, Attribute) and dotted(target.value) == "self"):
                return False
            if target.attr.value.startswith("_"):
                return False  # a private dependency (`self._session`): a service, not a value
            stored += 1
    return stored > 0


def value_kind(context: FileContext, node: ClassDef) -> str:
    """What kind of value-like class a class is, besides a dataclass.

    Args:
        context: The file's context.
        node: The class.

    Returns:
        "namedtuple" for a `NamedTuple` subclass; "plain" for a class without bases or
        decorators whose `__init__` only stores its parameters as public attributes and whose
        other methods are dunders or properties leaving `self` alone; "" otherwise (a class
        keeping private dependencies, `self._session = session`, or with behaviour methods
        is a service or a base class).
    """
    bases = [context.qualified(base.value) for base in node.bases]
    if any(base in _NAMED_TUPLES for base in bases):
        return "namedtuple"
    if node.decorators or any(base != "object" for base in bases) or node.keywords:
        return ""
    methods = _methods(node)
    init = next((m for m in methods if m.name.value == "__init__"), None)
    if init is None or not _only_assigns_parameters(init) or mutable(node):
        return ""
    if not all(_data_method(method) for method in methods):
        return ""  # behaviour (`decode()`, `send()`): a service or a base class, not a value
    return "plain"


def _data_method(node: FunctionDef) -> bool:
    """Whether a method is part of a value's data: a dunder or a property."""
    name = node.name.value
    dunder = name.startswith("__") and name.endswith("__")
    return dunder or any(dotted(d.decorator).endswith("property") for d in node.decorators)


class DataclassCheck(Check):
    """Base of the dataclass option checks.

    Attributes:
        required: The options every dataclass value object declares `True`.
        namedtuple_follows: Whether a `NamedTuple` already follows the rule (it is immutable).
    """

    required: ClassVar[tuple[str, ...]] = ()
    namedtuple_follows: ClassVar[bool] = False

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a dataclass's options, or a value-like class that is no dataclass."""
        found = dataclass_options(self.context, node)
        if found is None:
            self._judge_other(node)
            return
        decorator, options = found
        required = self.required
        if not options.get("frozen") and mutable(node):
            required = tuple(name for name in required if name != "frozen")
            if not required:
                return
        missing = [name for name in required if not options.get(name)]
        if missing:
            wanted = ", ".join(f"{name}=True" for name in missing)
            self.flag(decorator, f"dataclass `{node.name.value}` lacks {wanted}")
        else:
            self.ok()

    def _judge_other(self, node: ClassDef) -> None:
        kind = value_kind(self.context, node)
        if not kind or (kind == "namedtuple" and self.namedtuple_follows):
            if kind:
                self.ok()
            return
        what = "a `NamedTuple`" if kind == "namedtuple" else "a plain class storing its arguments"
        self.flag(
            node.name,
            f"value class `{node.name.value}` is {what}; make it a "
            "`@dataclass(frozen=True, slots=True, kw_only=True)` or a pydantic model",
        )
