"""The `no-star-args` check: functions take explicit parameters, never `*args`/`**kwargs`."""

from typing import ClassVar, override

from libcst import FunctionDef, Param

from canon.checks.base import Check

__all__ = ["NoStarArgs"]


class NoStarArgs(Check):
    """Functions take explicit parameters, never `*args`/`**kwargs`."""

    check_id: ClassVar[str] = "no-star-args"
    summary: ClassVar[str] = "A function taking `*args` or `**kwargs`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Decorators and wrappers that must forward arguments are flagged too."
    opportunity: ClassVar[str] = "Flag `*args` and `**kwargs`."

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
