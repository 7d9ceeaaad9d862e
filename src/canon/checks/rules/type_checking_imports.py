"""The `type-checking-imports` check.

Imports used only in annotations go under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    AnnAssign,
    Assign,
    Attribute,
    Call,
    ClassDef,
    FunctionDef,
    ImportStar,
    Name,
    SimpleStatementLine,
    Subscript,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.targets import base_target, decorator_target

if TYPE_CHECKING:
    from libcst import (
        BaseExpression,
        If,
        ImportAlias,
        ImportFrom,
        Module,
        SimpleString,
    )

    from canon.checks.base import FileContext

__all__ = ["TypeCheckingImports"]


_TYPING_MODULES = frozenset({"typing", "typing_extensions", "collections.abc", "dataclasses"})


_RUNTIME_CLASS_BASES = frozenset(
    {"TypedDict", "NamedTuple", "DeclarativeBase", "DeclarativeBaseNoMeta", "MappedAsDataclass"}
)

# pydantic classes that are models without deriving from `BaseModel` as written.
_RUNTIME_QUALIFIED = frozenset({"pydantic_settings.BaseSettings", "pydantic.RootModel"})


def _mapped(node: ClassDef) -> bool:
    """Whether a class body declares SQLAlchemy columns (`__tablename__`, `x: Mapped[...]`).

    SQLAlchemy reads those annotations at run time, whatever base the class has.
    """
    for statement in node.body.body:
        if not isinstance(statement, SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, Assign) and any(
                dotted(target.target) == "__tablename__" for target in small.targets
            ):
                return True
            if isinstance(small, AnnAssign):
                annotation = small.annotation.annotation
                if isinstance(annotation, Subscript):
                    annotation = annotation.value
                if dotted(annotation).rpartition(".")[2] == "Mapped":
                    return True
    return False


class TypeCheckingImports(Check):
    """Imports used only in annotations go under `if TYPE_CHECKING:`.

    Applies to every module: an import used only in annotations is the rule's concern whether
    or not the file has `from __future__ import annotations` (without it, moving the import
    needs that line too, since Python 3.13 evaluates annotations at definition time; the
    message says so). Imports used at run time are no opportunity. Names from `typing`,
    `typing_extensions`, `collections.abc` and `dataclasses` are never flagged, nor names used
    in annotations read at run time: in classes deriving (in the file, transitively) from
    `runtime-evaluated-base-classes` (default `pydantic.BaseModel`), in `TypedDict` and
    `NamedTuple` classes, and in functions and classes under `runtime-evaluated-decorators`;
    a name used there counts as a run-time use.
    """

    check_id: ClassVar[str] = "type-checking-imports"
    summary: ClassVar[str] = "An import used only in annotations, outside `if TYPE_CHECKING:`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Names from `typing`, `typing_extensions`, `collections.abc` and `dataclasses` "
        "are never flagged. Annotations read at run time are known only in classes deriving "
        "in the same file from `runtime-evaluated-base-classes` (default "
        "`pydantic.BaseModel`), in `TypedDict` and `NamedTuple` classes, and under "
        "`runtime-evaluated-decorators` (`[tool.canon]`); other runtime readers are "
        "invisible."
    )
    opportunity: ClassVar[str] = (
        "Every module-level import used only in annotations, in every file (with or without "
        "`from __future__ import annotations`), and every import under `if TYPE_CHECKING:`. "
        "Followed: the import sits under `if TYPE_CHECKING:`. Broken: it is imported at run "
        "time. Imports used at run time (including in annotations read at run time: "
        "pydantic models, `TypedDict`, `NamedTuple`, `runtime-evaluated-decorators`) are no "
        "opportunity."
    )

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
        bases = [base_target(base) for base in node.bases]
        configured = self.context.settings.runtime_evaluated_base_classes
        if (
            any(dotted(base) in self.runtime_classes for base in bases)
            or any(self._spelled(base) & {*configured, *_RUNTIME_QUALIFIED} for base in bases)
            or any(dotted(base).rpartition(".")[2] in _RUNTIME_CLASS_BASES for base in bases)
            or self._runtime_decorated(node)
            or _mapped(node)
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
        return any(self._spelled(decorator_target(d)) & configured for d in node.decorators)

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
        """Judge each import used only in annotations: guarded follows, unguarded breaks."""
        needed = "" if self.future else " (with `from __future__ import annotations`)"
        for name, alias in self.imported.items():
            if name in self.typing_only and name not in self.runtime:
                self.flag(
                    alias,
                    f"`{name}` is used only in annotations; import it under "
                    f"`if TYPE_CHECKING:`{needed}",
                )
