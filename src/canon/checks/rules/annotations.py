"""The `annotations` check: every parameter, return type and class attribute is annotated."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    AnnAssign,
    Assign,
    IndentedBlock,
    Param,
    SimpleStatementLine,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.typing_names import is_static

if TYPE_CHECKING:
    from libcst import (
        BaseSmallStatement,
        ClassDef,
        FunctionDef,
    )

__all__ = ["Annotations"]


# Framework settings whose type the framework fixes (pydantic's `model_config`); dunder
# attributes (`__slots__`, `__tablename__`, `__table_args__`, `__match_args__`) are exempt too,
# as the hooks of a protocol or framework, typed by it.
_EXEMPT_ATTRIBUTES = frozenset({"model_config"})


def _exempt_attribute(name: str) -> bool:
    dunder = len(name) > 4 and name.startswith("__") and name.endswith("__")
    return dunder or name in _EXEMPT_ATTRIBUTES


_ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"})


class Annotations(Check):
    """Every parameter, return type and class attribute is annotated."""

    check_id: ClassVar[str] = "annotations"
    summary: ClassVar[str] = "A parameter, return type or class attribute without an annotation."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Class attributes of enums, dunder class attributes (`__tablename__`, `__slots__`) "
        "and `model_config` are exempt; other framework attributes that must stay "
        "unannotated are flagged."
    )
    opportunity: ClassVar[str] = (
        "Count each parameter and the return type. Count each attribute assigned in the class body."
    )

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count each parameter and the return type."""
        method = self.context.enclosing_class() is not None and not is_static(node)
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
                if name and not _exempt_attribute(name):
                    self.flag(target.target, f"class attribute `{name}` has no annotation")
