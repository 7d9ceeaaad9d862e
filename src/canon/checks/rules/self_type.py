"""The `self-type` check: methods returning their own instance are annotated `-> Self`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    Call,
    Name,
    SimpleString,
    Subscript,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.typing_names import is_static, typing_name

if TYPE_CHECKING:
    from libcst import (
        BaseExpression,
        FunctionDef,
        Return,
    )

    from canon.checks.base import FileContext

__all__ = ["SelfType"]


def _annotation_names(annotation: BaseExpression) -> str:
    """The class name an annotation spells: `Cls`, `"Cls"`, `Cls[T]` or `"Cls[T]"`."""
    if isinstance(annotation, Subscript):
        annotation = annotation.value
    if isinstance(annotation, SimpleString):
        text = annotation.evaluated_value
        return text.partition("[")[0].strip() if isinstance(text, str) else ""
    return dotted(annotation)


def _self_typed(value: BaseExpression | None) -> bool:
    """Whether a returned value has the type `Self`.

    `self`, `cls(...)`, `type(self)(...)` and `self.__class__(...)` do; `Money(...)` does not
    (it is the base class even in a subclass).
    """
    if isinstance(value, Name):
        return value.value == "self"
    if not isinstance(value, Call):
        return False
    func = value.func
    if isinstance(func, Name):
        return func.value == "cls"
    if isinstance(func, Attribute):
        return dotted(func) == "self.__class__"
    return (
        isinstance(func, Call)
        and dotted(func.func) == "type"
        and len(func.args) == 1
        and dotted(func.args[0].value) == "self"
    )


class SelfType(Check):
    """Methods returning their own instance are annotated `-> Self`.

    A method that returns a new instance built by its class's name (`return Money(...)`, as
    binary operators do) is annotated with the class: `Self` would not fit there.
    """

    check_id: ClassVar[str] = "self-type"
    summary: ClassVar[str] = (
        "A method returning `self` or `cls(...)` annotated with its class by name instead of "
        "`Self`."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A method that deliberately returns the base class (never a subclass) is flagged too."
    )
    opportunity: ClassVar[str] = (
        "Every method returning an instance of its own class: annotated with `Self` or with "
        "the class's name, or returning `self`, `cls(...)`, `type(self)(...)`. Followed: "
        "`-> Self`, or the class's name where the method builds the instance by that name "
        "(`def __add__(self, other: Money) -> Money: return Money(...)`). Broken: a method "
        "returning `self`/`cls(...)` annotated otherwise than `Self`."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.returning_self: set[int] = set()

    @override
    def visit_Return(self, node: Return) -> None:
        """Note that the enclosing function returns `self` or `cls(...)`."""
        function = self.context.function()
        if function is not None and _self_typed(node.value):
            self.returning_self.add(id(function))

    @override
    def leave_FunctionDef(self, original_node: FunctionDef) -> None:
        """Judge a method's return annotation against its class and what it returns."""
        node = original_node
        cls = self.context.enclosing_class()
        if cls is None or node.returns is None or is_static(node):
            return
        annotation = node.returns.annotation
        spelled = _annotation_names(annotation)
        fits = id(node) in self.returning_self
        if typing_name(self.context, annotation, frozenset({"Self"})):
            self.ok()
        elif spelled and spelled == cls.name.value:
            if fits:
                self.flag(node.returns, f"returns `{spelled}` by name; annotate `-> Self`")
            else:
                self.ok()
        elif fits:
            self.flag(node.returns, "returns `self`; annotate `-> Self`")
