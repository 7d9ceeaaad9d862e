"""The `google-docstrings` check: docstrings are Google style."""

from __future__ import annotations

from re import MULTILINE, search
from re import compile as re_compile
from typing import TYPE_CHECKING, ClassVar, override

from libcst import ClassDef, FunctionDef, Lambda, Name, Param

from canon.checks.base import Check, dotted
from canon.checks.helpers.public_api import is_public, overrides

if TYPE_CHECKING:
    from canon.checks.base import FileContext

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


def _exempt(node: FunctionDef) -> bool:
    """Whether a public function needs no docstring: a `test_` function or an `@overload`."""
    return node.name.value.startswith("test_") or any(
        dotted(d.decorator).endswith("overload") for d in node.decorators
    )


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

    Every public function is judged, documented or not: a missing docstring breaks the rule
    (the function's parameters and result go undocumented). Public API lists every parameter
    (besides `self`/`cls`) under `Args:` and an annotated, non-`None` result under
    `Returns:`. Any docstring written with Sphinx (`:param x:`) or
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
    opportunity: ClassVar[str] = (
        "Every public function or method (not `_private`, dunder, nested, in a private "
        "class, a property, `@override`, `@overload` or `test_`), with or without a "
        "docstring, and every docstring written with Sphinx or NumPy fields. Followed: a "
        "Google-style docstring listing the parameters under `Args:` and an annotated "
        "result under `Returns:`. Broken: no docstring; Sphinx/NumPy fields; a missing "
        "`Args:` entry or `Returns:` section. A missing docstring also breaks `docstrings` "
        "(presence, for modules and classes too): both rules ask for it."
    )

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge a public function's documentation, and any docstring's style."""
        docstring = node.get_docstring()
        public = _public_api(node, self.context) and not _exempt(node)
        if docstring is None:
            if public:
                self.flag(
                    node.name,
                    f"public `{node.name.value}` has no docstring; write a Google-style one",
                )
            return
        if _FOREIGN_FIELDS.search(docstring):
            message = "uses Sphinx or NumPy fields; write Google `Args:`/`Returns:` sections"
            self.flag(node.name, f"docstring of `{node.name.value}` {message}")
            return
        if public:
            self._judge_sections(node, docstring)

    def _judge_sections(self, node: FunctionDef, docstring: str) -> None:
        """Judge a public docstring's `Args:` and `Returns:` sections."""
        static = any(dotted(d.decorator) == "staticmethod" for d in node.decorators)
        params = _parameters(node, self.context.enclosing_class() is not None and not static)
        wants_returns = _returns_value(node)
        if not params and not wants_returns:
            self.ok()
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
