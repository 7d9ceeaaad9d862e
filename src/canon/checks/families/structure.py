"""Structure checks: lengths and parameter counts, `__all__`, imports, `__repr__`."""

from collections.abc import Mapping
from pathlib import PurePath
from typing import ClassVar, override

from libcst import (
    AnnAssign,
    Arg,
    Assign,
    Attribute,
    AugAssign,
    BaseExpression,
    Call,
    ClassDef,
    CSTNode,
    Decorator,
    FunctionDef,
    If,
    Import,
    ImportAlias,
    ImportFrom,
    ImportStar,
    IndentedBlock,
    Module,
    Name,
    SimpleStatementLine,
    SimpleString,
    Subscript,
)

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


_TYPING_MODULES = frozenset({"typing", "typing_extensions", "collections.abc", "dataclasses"})
_RUNTIME_CLASS_BASES = frozenset({"TypedDict", "NamedTuple"})


def _decorator_target(decorator: Decorator) -> BaseExpression:
    """The decorator's callable: `app.command` for `@app.command("name")`."""
    target = decorator.decorator
    return target.func if isinstance(target, Call) else target


def _base_target(base: Arg) -> BaseExpression:
    """A base's class expression: `Generic` for `Generic[T]`."""
    value = base.value
    return value.value if isinstance(value, Subscript) else value


class TypeCheckingImports(Check):
    """Imports used only in annotations go under `if TYPE_CHECKING:`.

    Applies to modules with `from __future__ import annotations` (or names used only in
    string annotations): elsewhere Python 3.13 evaluates annotations at definition time.
    Names from `typing`, `typing_extensions`, `collections.abc` and `dataclasses` are never
    flagged, nor names used in annotations read at run time: in classes deriving (in the file,
    transitively) from `runtime-evaluated-base-classes` (default `pydantic.BaseModel`), in
    `TypedDict` and `NamedTuple` classes, and in functions and classes under
    `runtime-evaluated-decorators`.
    """

    check_id: ClassVar[str] = "type-checking-imports"

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.imported: dict[str, ImportAlias] = {}
        self.runtime: set[str] = set()
        self.typing_only: set[str] = set()
        self.future = False
        self.guard_depth = 0
        self.import_names: set[int] = set()
        self.instances: dict[str, str] = {}
        self.runtime_classes: set[str] = set()
        self.runtime_scopes: set[int] = set()

    @override
    def visit_If(self, node: If) -> None:
        """Enter `if TYPE_CHECKING:`."""
        if dotted(node.test).endswith("TYPE_CHECKING"):
            self.guard_depth += 1

    @override
    def leave_If(self, original_node: If) -> None:
        """Leave `if TYPE_CHECKING:`."""
        if dotted(original_node.test).endswith("TYPE_CHECKING"):
            self.guard_depth -= 1

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Record module-level imported names; one under `TYPE_CHECKING` follows the rule."""
        module = dotted(node.module) if node.module else ""
        if module == "__future__":
            self.future = True
            return
        if isinstance(node.names, ImportStar):
            return
        part = node.module
        while isinstance(part, Attribute):
            self.import_names.add(id(part.attr))
            part = part.value
        self.import_names.add(id(part))
        for alias in node.names:
            self.import_names.add(id(alias.name))
            if isinstance(alias.name, Attribute):
                self.import_names.add(id(alias.name.attr))
            if self.context.stack or module in _TYPING_MODULES:
                continue
            if self.guard_depth:
                self.ok()
                continue
            local = alias.asname.name if alias.asname else alias.name
            if isinstance(local, Name):
                self.import_names.add(id(local))
                self.imported[local.value] = alias

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Remember module-level instances (`app = typer.Typer()`) to qualify decorators."""
        if self.context.stack or not isinstance(node.value, Call):
            return
        created = self.context.qualified(node.value.func)
        for target in node.targets:
            if isinstance(target.target, Name) and created:
                self.instances[target.target.value] = created

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Note a class whose annotations are read at run time."""
        bases = [_base_target(base) for base in node.bases]
        configured = self.context.settings.runtime_evaluated_base_classes
        if (
            any(dotted(base) in self.runtime_classes for base in bases)
            or any(self._spelled(base) & {*configured} for base in bases)
            or any(dotted(base).rpartition(".")[2] in _RUNTIME_CLASS_BASES for base in bases)
            or self._runtime_decorated(node)
        ):
            self.runtime_classes.add(node.name.value)
            self.runtime_scopes.add(id(node))

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Note a function whose annotations are read at run time."""
        if self._runtime_decorated(node):
            self.runtime_scopes.add(id(node))

    def _spelled(self, node: BaseExpression) -> set[str]:
        """How a name may be configured: as written, through imports, through an instance."""
        name = dotted(node)
        head, _, rest = name.partition(".")
        spellings = {name, self.context.qualified(node)}
        if head in self.instances and rest:
            spellings.add(f"{self.instances[head]}.{rest}")
        return spellings - {""}

    def _runtime_decorated(self, node: FunctionDef | ClassDef) -> bool:
        configured = {*self.context.settings.runtime_evaluated_decorators}
        return any(self._spelled(_decorator_target(d)) & configured for d in node.decorators)

    def _annotation_read_at_runtime(self) -> bool:
        """Whether the current annotation belongs to a runtime-evaluated class or function."""
        for node in reversed(self.context.stack):
            if isinstance(node, FunctionDef | ClassDef):
                return id(node) in self.runtime_scopes
        return False

    @override
    def visit_Name(self, node: Name) -> None:
        """Note a use of a name, in an annotation or at run time."""
        if id(node) in self.import_names:
            return
        if self.context.annotation_depth and not self._annotation_read_at_runtime():
            self.typing_only.add(node.value)
        else:
            self.runtime.add(node.value)

    @override
    def visit_SimpleString(self, node: SimpleString) -> None:
        """Names inside string annotations are annotation uses."""
        if self.context.annotation_depth:
            value = node.evaluated_value
            if isinstance(value, str):
                used = self.runtime if self._annotation_read_at_runtime() else self.typing_only
                for word in value.replace("[", " ").replace("]", " ").replace(",", " ").split():
                    used.add(word.partition(".")[0])

    @override
    def leave_Module(self, original_node: Module) -> None:
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
    {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "NamedTuple", "TypedDict", "Protocol"}
)
_REPR_EXEMPT_DECORATORS = frozenset({"dataclass", "define", "frozen", "attrs", "s", "dataclasses"})
_NO_REPR_BASES = frozenset({"object", "ABC", "Generic"})


def _repr_exempt(node: ClassDef) -> bool:
    """Whether the class gets a `__repr__` (or needs none) from its kind."""
    for base in node.bases:
        name = dotted(_base_target(base)).rpartition(".")[2]
        if name in _REPR_EXEMPT_BASES or name.endswith(("Error", "Exception", "Warning")):
            return True
    for decorator in node.decorators:
        if dotted(_decorator_target(decorator)).rpartition(".")[2] in _REPR_EXEMPT_DECORATORS:
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
        self.has_repr: dict[str, bool] = {}

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a class."""
        name = node.name.value
        if _repr_exempt(node):
            protocol = any(dotted(_base_target(b)).endswith("Protocol") for b in node.bases)
            self.has_repr[name] = not protocol
            return
        body = node.body.body if isinstance(node.body, IndentedBlock) else ()
        own = "__repr__" in {s.name.value for s in body if isinstance(s, FunctionDef)}
        inherited = self._inherits(node)
        self.has_repr[name] = own or inherited is True
        if inherited is None:
            return
        if own or inherited:
            self.ok()
        else:
            self.flag(node.name, f"class `{name}` has no `__repr__`")

    def _inherits(self, node: ClassDef) -> bool | None:
        """Whether the class inherits a `__repr__`.

        True when a base in this file has one, False when no base can give one, None when a
        base from elsewhere may (the rule does not apply).
        """
        found = False
        for base in node.bases:
            name = dotted(_base_target(base))
            if name.rpartition(".")[2] in _NO_REPR_BASES:
                continue
            if name not in self.has_repr:
                return None
            found = found or self.has_repr[name]
        return found


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
