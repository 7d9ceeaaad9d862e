"""Documentation and test checks: docstrings, Google sections, test names, pytest style."""

from re import MULTILINE, search
from re import compile as re_compile
from typing import ClassVar, override

from libcst import Call, ClassDef, FunctionDef, Lambda, Module, Name, Param

from canon.checks.base import Check, FileContext, dotted

__all__ = ["CHECKS", "Docstrings", "GoogleDocstrings", "PytestStyle", "TestNames"]


_OVERRIDE = frozenset({"override", "typing.override", "typing_extensions.override"})


def _is_public(name: str) -> bool:
    return not name.startswith("_")


def _decorated(node: FunctionDef, context: FileContext, names: frozenset[str]) -> bool:
    """Whether a decorator of the function is one of `names` (qualified through imports)."""
    for decorator in node.decorators:
        target = decorator.decorator
        target = target.func if isinstance(target, Call) else target
        if dotted(target) in names or context.qualified(target) in names:
            return True
    return False


def _overrides(node: FunctionDef, context: FileContext) -> bool:
    """Whether the method is marked `@override`: its base documents it."""
    return _decorated(node, context, _OVERRIDE)


def _public_api(node: FunctionDef, context: FileContext) -> bool:
    """Whether a function is public API: not private or a dunder, nested, or in a private class.

    Properties and `@override` methods are documented by their own docstring or their base,
    without `Args:`/`Returns:` sections.
    """
    if not _is_public(node.name.value):
        return False
    for enclosing in context.stack[:-1]:
        if isinstance(enclosing, FunctionDef | Lambda):
            return False
        if isinstance(enclosing, ClassDef) and not _is_public(enclosing.name.value):
            return False
    return not _is_property(node) and not _overrides(node, context)


def _is_property(node: FunctionDef) -> bool:
    """Whether the function is a property's getter, setter or deleter."""
    return any(
        dotted(d.decorator).endswith(("property", ".setter", ".deleter")) for d in node.decorators
    )


class Docstrings(Check):
    """Public modules, classes, functions and methods have docstrings."""

    check_id: ClassVar[str] = "docstrings"

    @override
    def visit_Module(self, node: Module) -> None:
        """Judge the module docstring."""
        if not node.body:
            return
        if node.get_docstring() is None:
            self.flag(node, "module has no docstring")
        else:
            self.ok()

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a public class."""
        if _is_public(node.name.value) and not self._nested():
            self._judge(node, f"class `{node.name.value}`")

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge a public function or method."""
        name = node.name.value
        if not _is_public(name) or name.startswith("test_") or self._nested():
            return
        if any(dotted(d.decorator).endswith("overload") for d in node.decorators):
            return
        if _overrides(node, self.context):
            return
        self._judge(node, f"function `{name}`")

    def _nested(self) -> bool:
        """Whether the node sits inside a function (local helpers need no docstring)."""
        return any(isinstance(n, FunctionDef) for n in self.context.stack[:-1])

    def _judge(self, node: FunctionDef | ClassDef, what: str) -> None:
        if node.get_docstring() is None:
            self.flag(node.name, f"{what} has no docstring")
        else:
            self.ok()


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


_TEST_NAME = re_compile(r"^test_[a-z0-9]+(?:_[a-z0-9]+){2,}$")


class TestNames(Check):
    """Tests are named `test_<unit>_<scenario>_<expected>`."""

    __test__: ClassVar[bool] = False
    check_id: ClassVar[str] = "test-names"

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge a test's name."""
        name = node.name.value
        if not name.startswith("test_"):
            return
        if _TEST_NAME.match(name):
            self.ok()
        else:
            self.flag(node.name, f"`{name}`: name tests `test_<unit>_<scenario>_<expected>`")


class PytestStyle(Check):
    """Tests are pytest functions with plain `assert`, not `unittest.TestCase` classes."""

    check_id: ClassVar[str] = "pytest-style"

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Flag `TestCase` subclasses."""
        for base in node.bases:
            qualified = self.context.qualified(base.value)
            if qualified in {"unittest.TestCase", "TestCase", "unittest.IsolatedAsyncioTestCase"}:
                self.flag(
                    node.name,
                    f"`{node.name.value}` subclasses `{qualified}`; "
                    "write pytest functions with plain `assert`",
                )
                return
        if node.name.value.startswith("Test"):
            self.ok()

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count a test function outside classes."""
        if node.name.value.startswith("test_") and self.context.enclosing_class() is None:
            self.ok()


CHECKS: dict[str, type[Check]] = {
    cls.check_id: cls for cls in (Docstrings, GoogleDocstrings, TestNames, PytestStyle)
}
