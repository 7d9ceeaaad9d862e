"""The `google-docstrings` check: docstrings are Google style."""

from re import MULTILINE, search
from re import compile as re_compile
from typing import ClassVar, override

from libcst import ClassDef, FunctionDef, Lambda, Name, Param

from canon.checks.base import Check, FileContext, dotted
from canon.checks.helpers.public_api import is_public, overrides

__all__ = ["GoogleDocstrings"]


def _public_api(node: FunctionDef, context: FileContext) -> bool:
    """Whether a function is public API: not private or a dunder, nested, or in a private class.

    Properties and `@override` methods are documented by their own docstring or their base,
    without `Args:`/`Returns:` sections.
    """
    if not is_public(node.name.value):
        return False
    for enclosing in context.stack[:-1]:
        if isinstance(enclosing, FunctionDef | Lambda):
            return False
        if isinstance(enclosing, ClassDef) and not is_public(enclosing.name.value):
            return False
    return not _is_property(node) and not overrides(node, context)


def _is_property(node: FunctionDef) -> bool:
    """Whether the function is a property's getter, setter or deleter."""
    return any(
        dotted(d.decorator).endswith(("property", ".setter", ".deleter")) for d in node.decorators
    )


_SECTION = re_compile(r"^\s*(Args|Arguments|Returns|Yields|Raises|Attributes)\s*:\s*$", MULTILINE)


_ARG_ENTRY = re_compile(r"^\s+\*{0,2}(\w+)\s*(\(.*?\))?\s*:", MULTILINE)


def _documented_args(docstring: str) -> set[str]:
    """Parameter names listed under `Args:`."""
    match = search(r"^\s*(Args|Arguments)\s*:\s*$", docstring, MULTILINE)
    if not match:
        return set()
    rest = docstring[match.end() :]
    following = _SECTION.search(rest)
    block = rest[: following.start()] if following else rest
    return {entry.group(1) for entry in _ARG_ENTRY.finditer(block)}


def _parameters(node: FunctionDef, method: bool) -> list[str]:
    params = node.params
    ordered = [*params.posonly_params, *params.params]
    if method and ordered:
        ordered = ordered[1:]
    ordered.extend(params.kwonly_params)
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, Param):
            ordered.append(star)
    return [param.name.value for param in ordered]


def _returns_value(node: FunctionDef) -> bool:
    if node.returns is None or node.name.value == "__init__":
        return False
    annotation = node.returns.annotation
    return not (isinstance(annotation, Name) and annotation.value in {"None", "NoReturn"})


_FOREIGN_FIELDS = re_compile(
    r"^\s*(:(param|parameter|arg|argument|key|keyword|type|raises?|returns?|rtype|yields?)\b"
    r"|(Parameters|Returns|Raises|Yields)\s*\n\s*-{3,}\s*$)",
    MULTILINE,
)


class GoogleDocstrings(Check):
    """Docstrings are Google style.

    Public API lists every parameter (besides `self`/`cls`) under `Args:` and an annotated,
    non-`None` result under `Returns:`. Any docstring written with Sphinx (`:param x:`) or
    NumPy (`Parameters` / `----------`) fields is flagged, public or not.
    """

    check_id: ClassVar[str] = "google-docstrings"
    summary: ClassVar[str] = (
        "A public docstring missing Google `Args:`/`Returns:` entries, or any with "
        "Sphinx or NumPy fields."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Parameters are matched by name; prose documentation of them is not "
        "understood. `Args:` lists the parameters besides `self`/`cls`, `Returns:` an "
        "annotated, non-`None` result. Sections are required of public API only: not "
        "of `_private` names, dunders, nested functions, methods of private classes, "
        "properties and `@override` methods."
    )
    opportunity: ClassVar[str] = "Judge a documented function's style and sections."

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge a documented function's style and sections."""
        docstring = node.get_docstring()
        if docstring is None:
            return
        if _FOREIGN_FIELDS.search(docstring):
            message = "uses Sphinx or NumPy fields; write Google `Args:`/`Returns:` sections"
            self.flag(node.name, f"docstring of `{node.name.value}` {message}")
            return
        if not _public_api(node, self.context):
            return
        static = any(dotted(d.decorator) == "staticmethod" for d in node.decorators)
        params = _parameters(node, self.context.enclosing_class() is not None and not static)
        wants_returns = _returns_value(node)
        if not params and not wants_returns:
            return
        missing = [name for name in params if name not in _documented_args(docstring)]
        problems = []
        if missing:
            problems.append("`Args:` misses " + ", ".join(f"`{name}`" for name in missing))
        if wants_returns and not search(r"^\s*(Returns|Yields)\s*:", docstring, MULTILINE):
            problems.append("no `Returns:` section")
        if problems:
            self.flag(node.name, f"docstring of `{node.name.value}`: " + "; ".join(problems))
        else:
            self.ok()
