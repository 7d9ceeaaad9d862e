"""The `self-type` check: methods returning their own instance are annotated `-> Self`."""

from typing import ClassVar, override

from libcst import BaseExpression, FunctionDef, Name, Return, SimpleString, Subscript

from canon.checks.base import Check, FileContext, dotted
from canon.checks.helpers.typing_names import is_static, typing_name

__all__ = ["SelfType"]


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
    summary: ClassVar[str] = "A method annotated to return its own class by name instead of `Self`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A method that deliberately returns the base class (never a subclass) is flagged too."
    )
    opportunity: ClassVar[str] = (
        "Note that the enclosing function returns `self`. Judge a method's return "
        "annotation against its class."
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
        if cls is None or node.returns is None or is_static(node):
            return
        annotation = node.returns.annotation
        spelled = _annotation_names(annotation)
        if spelled and spelled == cls.name.value:
            self.flag(node.returns, f"returns `{spelled}` by name; annotate `-> Self`")
        elif typing_name(self.context, annotation, frozenset({"Self"})):
            self.ok()
        elif id(node) in self.returning_self:
            self.flag(node.returns, "returns `self`; annotate `-> Self`")
