"""Structure checks: lengths and parameter counts, `__all__`, imports, `__repr__`."""

from collections.abc import Mapping
from pathlib import PurePath

import libcst as cst

from canon.checks.base import Check, FileContext, dotted

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

    kind = ""

    def limit(self) -> int:
        """The largest allowed number of lines."""
        raise NotImplementedError

    def finish(self, spans: Mapping[cst.CSTNode, Span]) -> None:
        """Flag the measured nodes longer than the limit."""
        limit = self.limit()
        for node, (line, _, end_line, _) in spans.items():
            lines = end_line - line + 1
            name = node.name.value if isinstance(node, cst.FunctionDef | cst.ClassDef) else ""
            if lines > limit:
                target = node.name if isinstance(node, cst.FunctionDef | cst.ClassDef) else node
                message = f"{self.kind} `{name}` has {lines} lines (limit {limit}); split it"
                self.flag(target, message)
            else:
                self.ok()


class FunctionLength(_LengthCheck):
    """Functions stay under the line limit (30 by default), their docstring not counted."""

    check_id = "function-length"
    kind = "function"

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.docstrings: dict[int, cst.CSTNode] = {}

    def limit(self) -> int:
        """The configured limit."""
        return self.context.settings.function_lines

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Measure a function and its docstring."""
        self.measure(node)
        if node.get_docstring(clean=False) is not None and isinstance(node.body, cst.IndentedBlock):
            docstring = node.body.body[0]
            self.docstrings[id(node)] = docstring
            self.measure(docstring)

    def finish(self, spans: Mapping[cst.CSTNode, Span]) -> None:
        """Flag functions longer than the limit, not counting their docstrings."""
        limit = self.limit()
        for node, (line, _, end_line, _) in spans.items():
            if not isinstance(node, cst.FunctionDef):
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

    check_id = "class-length"
    kind = "class"

    def limit(self) -> int:
        """The configured limit."""
        return self.context.settings.class_lines

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        """Measure a class."""
        self.measure(node)


class ModuleLength(Check):
    """Modules stay under the line limit (500 by default)."""

    check_id = "module-length"

    def visit_Module(self, node: cst.Module) -> None:
        """Count the module's lines."""
        lines = len(self.context.source.splitlines())
        limit = self.context.settings.module_lines
        if lines > limit:
            self.flag(node, f"module has {lines} lines (limit {limit}); split it")
        else:
            self.ok()


def _positional_count(node: cst.FunctionDef, method: bool) -> int:
    params = node.params
    count = len(params.posonly_params) + len(params.params) + len(params.kwonly_params)
    if method and (params.posonly_params or params.params):
        count -= 1
    return count


class ParameterCount(Check):
    """Functions take at most the parameter limit (5 by default, `self`/`cls` not counted)."""

    check_id = "parameter-count"

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
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


def _public_names(module: cst.Module) -> list[str]:
    names: list[str] = []
    for statement in module.body:
        if isinstance(statement, cst.FunctionDef | cst.ClassDef):
            names.append(statement.name.value)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                targets = small.targets if isinstance(small, cst.Assign) else ()
                names.extend(dotted(t.target) for t in targets)
                if isinstance(small, cst.AnnAssign):
                    names.append(dotted(small.target))
    return [name for name in names if name and not name.startswith("_")]


class DunderAll(Check):
    """A module with public names declares them in `__all__`."""

    check_id = "dunder-all"

    def visit_Module(self, node: cst.Module) -> None:
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


def _assigned(module: cst.Module) -> list[cst.BaseExpression]:
    found: list[cst.BaseExpression] = []
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign):
                    found.extend(t.target for t in small.targets)
                elif isinstance(small, cst.AnnAssign | cst.AugAssign):
                    found.append(small.target)
    return found


class WildcardImport(Check):
    """Names are imported explicitly, never `from x import *`."""

    check_id = "wildcard-import"

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Flag `import *`."""
        if isinstance(node.names, cst.ImportStar):
            module = dotted(node.module) if node.module else "."
            self.flag(node, f"`from {module} import *`; import the names you use")
        else:
            self.ok()


class RelativeImports(Check):
    """Relative imports stay inside their package: never `from ..x import y`."""

    check_id = "relative-imports"

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Flag imports reaching a parent package."""
        if len(node.relative) > 1:
            self.flag(node, "relative import from a parent package; import it absolutely")
        else:
            self.ok()


class SpecificImports(Check):
    """Names are imported specifically (`from module import Name`), not `import module`."""

    check_id = "specific-imports"

    def visit_Import(self, node: cst.Import) -> None:
        """Flag `import module`."""
        for alias in node.names:
            name = dotted(alias.name)
            self.flag(alias, f"`import {name}`; import the names you use (`from {name} import`)")

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Count `from module import Name`."""
        if not isinstance(node.names, cst.ImportStar):
            self.ok()


class TypeCheckingImports(Check):
    """Imports used only in annotations go under `if TYPE_CHECKING:`.

    Applies to modules with `from __future__ import annotations` (or names used only in
    string annotations): elsewhere Python 3.13 evaluates annotations at definition time.
    """

    check_id = "type-checking-imports"

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.imported: dict[str, cst.ImportAlias] = {}
        self.runtime: set[str] = set()
        self.typing_only: set[str] = set()
        self.future = False
        self.guard_depth = 0
        self.import_names: set[int] = set()

    def visit_If(self, node: cst.If) -> None:
        """Enter `if TYPE_CHECKING:`."""
        if dotted(node.test).endswith("TYPE_CHECKING"):
            self.guard_depth += 1

    def leave_If(self, original_node: cst.If) -> None:
        """Leave `if TYPE_CHECKING:`."""
        if dotted(original_node.test).endswith("TYPE_CHECKING"):
            self.guard_depth -= 1

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Record imported names (outside `TYPE_CHECKING`, at module level)."""
        module = dotted(node.module) if node.module else ""
        if module == "__future__":
            self.future = True
            return
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            self.import_names.add(id(alias.name))
            if isinstance(alias.name, cst.Attribute):
                self.import_names.add(id(alias.name.attr))
            if self.guard_depth or self.context.stack:
                continue
            local = alias.asname.name if alias.asname else alias.name
            if isinstance(local, cst.Name):
                self.import_names.add(id(local))
                self.imported[local.value] = alias

    def visit_Name(self, node: cst.Name) -> None:
        """Note a use of a name, in an annotation or at run time."""
        if id(node) in self.import_names:
            return
        if self.context.annotation_depth:
            self.typing_only.add(node.value)
        else:
            self.runtime.add(node.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        """Names inside string annotations are annotation uses."""
        if self.context.annotation_depth:
            value = node.evaluated_value
            if isinstance(value, str):
                for word in value.replace("[", " ").replace("]", " ").replace(",", " ").split():
                    self.typing_only.add(word.partition(".")[0])

    def leave_Module(self, original_node: cst.Module) -> None:
        """Flag imports used only in annotations."""
        exported = self.runtime
        for name, alias in self.imported.items():
            if name in exported:
                self.ok()
            elif name in self.typing_only and self.future:
                self.flag(
                    alias,
                    f"`{name}` is used only in annotations; import it under `if TYPE_CHECKING:`",
                )


_REPR_EXEMPT_BASES = frozenset(
    {
        "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "NamedTuple", "TypedDict", "Protocol",
        "BaseModel", "Exception", "BaseException", "TestCase", "ABC", "DeclarativeBase",
        "BaseSettings", "Struct",
    }
)  # fmt: skip
_REPR_EXEMPT_DECORATORS = frozenset({"dataclass", "define", "frozen", "attrs", "s", "dataclasses"})


def _repr_exempt(node: cst.ClassDef) -> bool:
    for base in node.bases:
        name = dotted(base.value).rpartition(".")[2]
        if name in _REPR_EXEMPT_BASES or name.endswith(("Error", "Exception", "Warning")):
            return True
    for decorator in node.decorators:
        target = decorator.decorator
        target = target.func if isinstance(target, cst.Call) else target
        if dotted(target).rpartition(".")[2] in _REPR_EXEMPT_DECORATORS:
            return True
    return False


class Repr(Check):
    """Classes define `__repr__` (dataclasses, enums, exceptions and the like have one)."""

    check_id = "repr"

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        """Judge a class."""
        if _repr_exempt(node):
            return
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        methods = {s.name.value for s in body if isinstance(s, cst.FunctionDef)}
        if "__repr__" in methods:
            self.ok()
        else:
            self.flag(node.name, f"class `{node.name.value}` has no `__repr__`")


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
