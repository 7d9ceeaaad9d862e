"""The `no-star-args` check: functions take explicit parameters, never `*args`/`**kwargs`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import Attribute, Param

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import FunctionDef

__all__ = ["NoStarArgs"]


def _forwards_param_spec(param: object) -> bool:
    """`*args: P.args` or `**kwargs: P.kwargs`: arguments forwarded with their types."""
    if not isinstance(param, Param) or param.annotation is None:
        return False
    annotation = param.annotation.annotation
    return isinstance(annotation, Attribute) and annotation.attr.value in {"args", "kwargs"}


class NoStarArgs(Check):
    """Functions take explicit parameters, never `*args`/`**kwargs`."""

    check_id: ClassVar[str] = "no-star-args"
    summary: ClassVar[str] = "A function taking `*args` or `**kwargs`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Wrappers that forward arguments untyped are flagged; typed with a `ParamSpec` "
        "(`*args: P.args, **kwargs: P.kwargs`) they follow the rule."
    )
    opportunity: ClassVar[str] = (
        "Count every function. Flag `*args` and `**kwargs`, unless typed with a `ParamSpec`."
    )

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count every function. Flag `*args` and `**kwargs`, unless typed with a `ParamSpec`."""
        star = node.params.star_arg
        kwargs = node.params.star_kwarg
        if _forwards_param_spec(star) and _forwards_param_spec(kwargs):
            self.ok()
            return
        if isinstance(star, Param):
            self.flag(star, f"`*{star.name.value}`; declare the parameters explicitly")
        elif kwargs is None:
            self.ok()
        if kwargs is not None:
            self.flag(kwargs, f"`**{kwargs.name.value}`; declare the parameters explicitly")
