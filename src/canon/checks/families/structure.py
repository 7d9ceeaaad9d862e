"""Structure checks: lengths and parameter counts, `__all__`, imports, `__repr__`.

`TypeCheckingImports` lives in `type_checking` and is registered here.
"""

from collections.abc import Mapping
from pathlib import PurePath
from typing import ClassVar, override

from libcst import (
    AnnAssign,
    Assign,
    AugAssign,
    BaseExpression,
    ClassDef,
    CSTNode,
    FunctionDef,
    Import,
    ImportFrom,
    ImportStar,
    IndentedBlock,
    Module,
    SimpleStatementLine,
)

from canon.checks.base import Check, FileContext, dotted
from canon.checks.families.type_checking import TypeCheckingImports, base_target, decorator_target

__all__ = [
    "CHECKS",
    "ClassLength",
    "DunderAll",
    "FunctionLength",
    "ModuleLength",
    "ParameterCount",
    "RelativeImports",
    "Repr",
    "SpecificImports",
    "TypeCheckingImports",
    "WildcardImport",
]

type Span = tuple[int, int, int, int]


class _LengthCheck(Check):
    """Base of the length checks: measure nodes, decide once spans are known."""

    kind: ClassVar[str] = ""

    def limit(self) -> int:
        """The largest allowed number of lines."""
        raise NotImplementedError

    @override
    def finish(self, spans: Mapping[CSTNode, Span]) -> None:
        """Flag the measured nodes longer than the limit."""
        limit = self.limit()
        for node, (line, _, end_line, _) in spans.items():
            lines = end_line - line + 1
            name = node.name.value if isinstance(node, FunctionDef | ClassDef) else ""
            if lines > limit:
                target = node.name if isinstance(node, FunctionDef | ClassDef) else node
                message = f"{self.kind} `{name}` has {lines} lines (limit {limit}); split it"
                self.flag(target, message)
            else:
                self.ok()


class FunctionLength(_LengthCheck):
    """Functions stay under the line limit (30 by default), their docstring not counted."""

    check_id: ClassVar[str] = "function-length"
    kind: ClassVar[str] = "function"

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.docstrings: dict[int, CSTNode] = {}

    @override
    def limit(self) -> int:
        """The configured limit."""
        return self.context.settings.function_lines

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Measure a function and its docstring."""
        self.measure(node)
        if node.get_docstring(clean=False) is not None and isinstance(node.body, IndentedBlock):
            docstring = node.body.body[0]
            self.docstrings[id(node)] = docstring
            self.measure(docstring)

    @override
    def finish(self, spans: Mapping[CSTNode, Span]) -> None:
        """Flag functions longer than the limit, not counting their docstrings."""
        limit = self.limit()
        for node, (line, _, end_line, _) in spans.items():
            if not isinstance(node, FunctionDef):
                continue
            lines = end_line - line + 1
            docstring = self.docstrings.get(id(node))
            if docstring is not None and docstring in spans:
                lines -= spans[docstring][2] - spans[docstring][0] + 1
            if lines > limit:
                message = f"function `{node.name.value}` has {lines} lines without its docstring"
                self.flag(node.name, f"{message} (limit {limit}); split it")
            else:
                self.ok()


class ClassLength(_LengthCheck):
    """Classes stay under the line limit (200 by default)."""

    check_id: ClassVar[str] = "class-length"
    kind: ClassVar[str] = "class"

    @override
    def limit(self) -> int:
        """The configured limit."""
        return self.context.settings.class_lines

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Measure a class."""
        self.measure(node)


class ModuleLength(Check):
    """Modules stay under the line limit (500 by default)."""

    check_id: ClassVar[str] = "module-length"

    @override
    def visit_Module(self, node: Module) -> None:
        """Count the module's lines."""
        lines = len(self.context.source.splitlines())
        limit = self.context.settings.module_lines
        if lines > limit:
            self.flag(node, f"module has {lines} lines (limit {limit}); split it")
        else:
            self.ok()


def _positional_count(node: FunctionDef, method: bool) -> int:
    params = node.params
    count = len(params.posonly_params) + len(params.params) + len(params.kwonly_params)
    if method and (params.posonly_params or params.params):
        count -= 1
    return count


class ParameterCount(Check):
    """Functions take at most the parameter limit (5 by default, `self`/`cls` not counted)."""

    check_id: ClassVar[str] = "parameter-count"

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count parameters."""
        static = any(dotted(d.decorator) == "staticmethod" for d in node.decorators)
        method = self.context.enclosing_class() is not None and not static
        count = _positional_count(node, method)
        limit = self.context.settings.parameters
        if count > limit:
            message = f"`{node.name.value}` takes {count} parameters (limit {limit})"
            self.flag(node.name, message + "; group them in a dataclass")
        else:
            self.ok()


def _exempt_module(path: str) -> bool:
    name = PurePath(path).name
    return name in {"__main__.py", "conftest.py", "setup.py"} or name.startswith("test_")


def _public_names(module: Module) -> list[str]:
    names: list[str] = []
    for statement in module.body:
        if isinstance(statement, FunctionDef | ClassDef):
            names.append(statement.name.value)
        elif isinstance(statement, SimpleStatementLine):
            for small in statement.body:
                targets = small.targets if isinstance(small, Assign) else ()
                names.extend(dotted(t.target) for t in targets)
                if isinstance(small, AnnAssign):
                    names.append(dotted(small.target))
    return [name for name in names if name and not name.startswith("_")]


class DunderAll(Check):
    """A module with public names declares them in `__all__`."""

    check_id: ClassVar[str] = "dunder-all"

    @override
    def visit_Module(self, node: Module) -> None:
        """Judge the module."""
        if _exempt_module(self.context.path):
            return
        names = _public_names(node)
        declared = "__all__" in {dotted(s) for s in _assigned(node)}
        if declared:
            self.ok()
        elif names:
            shown = ", ".join(names[:3])
            self.flag(node, f"public names ({shown}...) but no `__all__`; declare the API")


def _assigned(module: Module) -> list[BaseExpression]:
    found: list[BaseExpression] = []
    for statement in module.body:
        if isinstance(statement, SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, Assign):
                    found.extend(t.target for t in small.targets)
                elif isinstance(small, AnnAssign | AugAssign):
                    found.append(small.target)
    return found


class WildcardImport(Check):
    """Names are imported explicitly, never `from x import *`."""

    check_id: ClassVar[str] = "wildcard-import"

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Flag `import *`."""
        if isinstance(node.names, ImportStar):
            module = dotted(node.module) if node.module else "."
            self.flag(node, f"`from {module} import *`; import the names you use")
        else:
            self.ok()


class RelativeImports(Check):
    """Relative imports stay inside their package: never `from ..x import y`."""

    check_id: ClassVar[str] = "relative-imports"

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Flag imports reaching a parent package."""
        if len(node.relative) > 1:
            self.flag(node, "relative import from a parent package; import it absolutely")
        else:
            self.ok()


class SpecificImports(Check):
    """Names are imported specifically (`from module import Name`), not `import module`."""

    check_id: ClassVar[str] = "specific-imports"

    @override
    def visit_Import(self, node: Import) -> None:
        """Flag `import module`."""
        for alias in node.names:
            name = dotted(alias.name)
            self.flag(alias, f"`import {name}`; import the names you use (`from {name} import`)")

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Count `from module import Name`."""
        if not isinstance(node.names, ImportStar):
            self.ok()


_REPR_EXEMPT_BASES = frozenset(
    {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "NamedTuple", "TypedDict", "Protocol"}
)
_REPR_EXEMPT_DECORATORS = frozenset({"dataclass", "define", "frozen", "attrs", "s", "dataclasses"})
_NO_REPR_BASES = frozenset({"object", "ABC", "Generic"})


def _repr_exempt(node: ClassDef) -> bool:
    """Whether the class gets a `__repr__` (or needs none) from its kind."""
    for base in node.bases:
        name = dotted(base_target(base)).rpartition(".")[2]
        if name in _REPR_EXEMPT_BASES or name.endswith(("Error", "Exception", "Warning")):
            return True
    for decorator in node.decorators:
        if dotted(decorator_target(decorator)).rpartition(".")[2] in _REPR_EXEMPT_DECORATORS:
            return True
    return False


class Repr(Check):
    """Classes that cannot inherit a `__repr__` define one.

    A class can inherit one from any base but `object`, `ABC` and `Generic[...]`, unless the
    base is defined in the same file without one. Dataclasses, attrs classes, protocols,
    enums, exceptions, `TypedDict` and `NamedTuple` classes are exempt.
    """

    check_id: ClassVar[str] = "repr"

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.has_repr: dict[str, bool | None] = {}

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a class."""
        name = node.name.value
        if _repr_exempt(node):
            protocol = any(dotted(base_target(b)).endswith("Protocol") for b in node.bases)
            self.has_repr[name] = not protocol
            return
        body = node.body.body if isinstance(node.body, IndentedBlock) else ()
        own = "__repr__" in {s.name.value for s in body if isinstance(s, FunctionDef)}
        inherited = self._inherits(node)
        self.has_repr[name] = True if own else inherited
        if inherited is None:
            return
        if own or inherited:
            self.ok()
        else:
            self.flag(node.name, f"class `{name}` has no `__repr__`")

    def _inherits(self, node: ClassDef) -> bool | None:
        """Whether the class inherits a `__repr__`.

        True when a base in this file has one, False when no base can give one, None when a
        base from elsewhere may, directly or through a base in this file (not applicable).
        """
        unknown = False
        for base in node.bases:
            name = dotted(base_target(base))
            if name.rpartition(".")[2] in _NO_REPR_BASES:
                continue
            status = self.has_repr.get(name)
            if status is True:
                return True
            unknown = unknown or status is None
        return None if unknown else False


CHECKS: dict[str, type[Check]] = {
    cls.check_id: cls
    for cls in (
        FunctionLength,
        ParameterCount,
        ClassLength,
        ModuleLength,
        DunderAll,
        WildcardImport,
        RelativeImports,
        SpecificImports,
        TypeCheckingImports,
        Repr,
    )
}
