"""The `keyword-only` check: parameters callers could mix up are keyword-only (`*,`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import Annotation, Name

from canon.checks.base import Check, dotted
from canon.checks.helpers.targets import decorator_target

if TYPE_CHECKING:
    from libcst import FunctionDef, Param

__all__ = ["KeywordOnly"]


# Decorators that keep the signature the function's own: anything else (a route, a fixture,
# a CLI command, a validator) may call it with arguments its framework decides.
_PLAIN_DECORATORS = frozenset(
    {
        "abstractmethod",
        "cache",
        "cached_property",
        "classmethod",
        "lru_cache",
        "property",
        "staticmethod",
    }
)
# Positional parameters (besides `self`/`cls`) from which a call reads as a list of values.
_MANY = 4


def _is_flag(param: Param) -> bool:
    """Whether a parameter is a boolean flag: annotated `bool` or defaulting to True/False."""
    annotation = param.annotation
    if isinstance(annotation, Annotation) and dotted(annotation.annotation) == "bool":
        return True
    default = param.default
    return isinstance(default, Name) and default.value in {"True", "False"}


def _own_signature(node: FunctionDef) -> bool:
    """Whether the function is public API whose signature is its own (not a framework's)."""
    name = node.name.value
    if name.startswith("_") or name.startswith(("test_", "pytest_")):
        return False
    for decorator in node.decorators:
        if dotted(decorator_target(decorator)).rpartition(".")[2] not in _PLAIN_DECORATORS:
            return False
    return True


class KeywordOnly(Check):
    """Parameters callers could mix up are keyword-only (`*,`): many of them, or a flag.

    Private helpers and dunders are left alone: their callers are few and close by.
    """

    check_id: ClassVar[str] = "keyword-only"
    summary: ClassVar[str] = (
        "A public function taking four or more positional parameters, or a positional flag."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Private functions, dunders, tests and framework-decorated functions are exempt; a "
        "public function whose signature a base class or callback protocol dictates is judged."
    )
    opportunity: ClassVar[str] = (
        "A public function or method (not a test or framework-decorated) with four or more "
        "parameters besides `self`/`cls`, or a `bool` flag among two or more. Followed: at "
        "most three are positional and every flag is keyword-only. Violated: four or more "
        "positional parameters, or a positional flag."
    )

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge a function's positional parameters."""
        if not _own_signature(node):
            return
        params = node.params
        positional = [*params.posonly_params, *params.params]
        static = any(dotted(d.decorator) == "staticmethod" for d in node.decorators)
        if self.context.enclosing_class() is not None and not static:
            positional = positional[1:]
        total = len(positional) + len(params.kwonly_params)
        flags = [param for param in positional if _is_flag(param)]
        has_flag = flags or any(_is_flag(param) for param in params.kwonly_params)
        if total < _MANY and not (has_flag and total >= 2):
            return
        name = node.name.value
        if len(positional) >= _MANY:
            self.flag(
                node.name,
                f"`{name}` takes {len(positional)} positional parameters; "
                "make them keyword-only with `*,`",
            )
        elif flags and total >= 2:
            self.flag(
                flags[0],
                f"`{name}` takes the flag `{flags[0].name.value}` positionally; put it after `*,`",
            )
        else:
            self.ok()
