"""What every check builds on: the per-file context and the batchable visitor base.

Checks are `libcst.BatchableCSTVisitor`s run together in one traversal. They record
opportunities (`ok`) and violations (`flag`) as they go; positions are resolved after the
traversal, only for the nodes that need one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    BatchableCSTVisitor,
    ClassDef,
    CSTNode,
    FlattenSentinel,
    FunctionDef,
    ImportStar,
    Name,
    RemovalSentinel,
)

from canon.checks.model import Settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from libcst import (
        Annotation,
        AssignTarget,
        BaseExpression,
        ExceptHandler,
        ExceptStarHandler,
        Import,
        ImportFrom,
        Lambda,
    )

__all__ = [
    "Check",
    "ContextPop",
    "ContextPush",
    "FileContext",
    "Flag",
    "Rewrite",
    "Settings",
    "dotted",
    "hook_names",
]

type Span = tuple[int, int, int, int]
type Visit = Callable[[CSTNode], object]
type Rewrite = Callable[[CSTNode], CSTNode | FlattenSentinel[CSTNode] | RemovalSentinel]


@dataclass(  # canon: ignore[dataclass-frozen, dataclass-options] mutated during the walk
    slots=True, kw_only=True
)
class FileContext:
    """What the checks of one file share, kept current during the traversal.

    Attributes:
        path: The file's path as given.
        source: The file's text.
        settings: The thresholds.
        aliases: Local name to qualified name, for every import seen so far.
        stack: Enclosing function, class and except-handler (`except*` too) nodes, innermost
            last.
        annotation_depth: How many annotations enclose the current node.
        defined: Names the file binds itself (assignments, functions, classes) so far.
    """

    path: str
    source: str
    settings: Settings = field(default_factory=Settings)
    aliases: dict[str, str] = field(default_factory=dict)
    stack: list[CSTNode] = field(default_factory=list)
    annotation_depth: int = 0
    defined: set[str] = field(default_factory=set)

    def qualified(self, node: BaseExpression) -> str:
        """The dotted name an expression refers to, through the file's imports.

        Args:
            node: A `Name` or a chain of `Attribute`s.

        Returns:
            `os.path.join` for `path.join` after `from os import path`; "" for other nodes.
        """
        name = dotted(node)
        if not name:
            return ""
        head, _, rest = name.partition(".")
        target = self.aliases.get(head, head)
        return f"{target}.{rest}" if rest else target

    def function(self) -> FunctionDef | None:
        """The innermost enclosing function (lambdas excluded).

        Returns:
            The function node, or None at module or class level.
        """
        for node in reversed(self.stack):
            if isinstance(node, FunctionDef):
                return node
        return None

    def in_async(self) -> bool:
        """Whether the innermost enclosing function is `async def`.

        Returns:
            True inside an `async def` (lambdas and classes do not count).
        """
        function = self.function()
        return function is not None and function.asynchronous is not None

    def enclosing_class(self, depth: int = 1) -> ClassDef | None:
        """The class whose body directly holds the node `depth` levels up the stack.

        Args:
            depth: How many stack levels up from the current node; 1 for the node itself.

        Returns:
            The class node, or None when that level is not a class.
        """
        index = len(self.stack) - 1 - depth
        if index >= 0 and isinstance(self.stack[index], ClassDef):
            node = self.stack[index]
            return node if isinstance(node, ClassDef) else None
        return None


def dotted(node: BaseExpression) -> str:
    """Spell a `Name` or `Attribute` chain as a dotted string.

    Args:
        node: Any expression.

    Returns:
        `a.b.c` for a chain of names, "" for anything else.
    """
    parts: list[str] = []
    while isinstance(node, Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, Name):
        return ""
    parts.append(node.value)
    return ".".join(reversed(parts))


_HOOK_NAMES: dict[type, tuple[str, ...]] = {}


def hook_names(cls: type) -> tuple[str, ...]:
    """The `visit_*`/`leave_*` methods a visitor class really defines (no-op stubs excluded).

    libcst's `get_visitors` inspects every member of every visitor instance; doing it once per
    class instead saves about a third of a whole run.

    Args:
        cls: A batchable visitor class.

    Returns:
        The method names.
    """
    names = _HOOK_NAMES.get(cls)
    if names is None:
        names = tuple(
            name
            for name in dir(cls)
            if name.startswith(("visit_", "leave_"))
            and callable(getattr(cls, name))
            and not getattr(getattr(cls, name), "_is_no_op", False)
        )
        _HOOK_NAMES[cls] = names
    return names


class _FastHooks(BatchableCSTVisitor):
    """A batchable visitor whose hooks are listed once per class."""

    @override
    def get_visitors(self) -> Mapping[str, Visit]:
        """The visitor's hooks by name.

        Returns:
            Bound methods by name.
        """
        return {name: getattr(self, name) for name in hook_names(type(self))}


class ContextPush(_FastHooks):
    """First visitor of the batch: records imports and enters scopes before the checks."""

    def __init__(self, context: FileContext) -> None:
        """Create the visitor.

        Args:
            context: The context it keeps current.
        """
        super().__init__()
        self.context = context

    @override
    def visit_Import(self, node: Import) -> None:
        """Record `import a.b` and `import a.b as c`."""
        for alias in node.names:
            full = dotted(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, Name):
                self.context.aliases[alias.asname.name.value] = full
            else:
                head = full.partition(".")[0]
                self.context.aliases[head] = head

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Record `from a import b as c`."""
        if isinstance(node.names, ImportStar):
            return
        module = "." * len(node.relative) + (dotted(node.module) if node.module else "")
        for alias in node.names:
            name = dotted(alias.name)
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, Name):
                local = alias.asname.name.value
            self.context.aliases[local] = f"{module}.{name}" if module else name

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Enter a function."""
        self.context.defined.add(node.name.value)
        self.context.stack.append(node)

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Enter a class."""
        self.context.defined.add(node.name.value)
        self.context.stack.append(node)

    @override
    def visit_AssignTarget(self, node: AssignTarget) -> None:
        """Record a name the file binds."""
        if isinstance(node.target, Name):
            self.context.defined.add(node.target.value)

    @override
    def visit_ExceptHandler(self, node: ExceptHandler) -> None:
        """Enter an except handler."""
        self.context.stack.append(node)

    @override
    def visit_ExceptStarHandler(self, node: ExceptStarHandler) -> None:
        """Enter an `except*` handler."""
        self.context.stack.append(node)

    @override
    def visit_Lambda(self, node: Lambda) -> None:
        """Enter a lambda."""
        self.context.stack.append(node)

    @override
    def visit_Annotation(self, node: Annotation) -> None:
        """Enter an annotation."""
        self.context.annotation_depth += 1


class ContextPop(_FastHooks):
    """Last visitor of the batch: leaves scopes after the checks have seen the node."""

    def __init__(self, context: FileContext) -> None:
        """Create the visitor.

        Args:
            context: The context it keeps current.
        """
        super().__init__()
        self.context = context

    def _pop(self, node: CSTNode) -> None:
        if self.context.stack and self.context.stack[-1] is node:
            self.context.stack.pop()

    @override
    def leave_FunctionDef(self, original_node: FunctionDef) -> None:
        """Leave a function."""
        self._pop(original_node)

    @override
    def leave_ClassDef(self, original_node: ClassDef) -> None:
        """Leave a class."""
        self._pop(original_node)

    @override
    def leave_ExceptHandler(self, original_node: ExceptHandler) -> None:
        """Leave an except handler."""
        self._pop(original_node)

    @override
    def leave_ExceptStarHandler(self, original_node: ExceptStarHandler) -> None:
        """Leave an `except*` handler."""
        self._pop(original_node)

    @override
    def leave_Lambda(self, original_node: Lambda) -> None:
        """Leave a lambda."""
        self._pop(original_node)

    @override
    def leave_Annotation(self, original_node: Annotation) -> None:
        """Leave an annotation."""
        self.context.annotation_depth -= 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Flag:
    """A violation before its position is known.

    Attributes:
        node: Where the violation is.
        message: What is wrong and what to write instead.
        fixable: Whether `--fix` repairs it.
        fix: Builds the repaired node from the target node as the fixes have left it so far
            (so nested fixes compose); it may return the node unchanged to decline.
        target: The node `fix` rewrites, when it is not `node` (an enclosing statement).
    """

    node: CSTNode
    message: str
    fixable: bool
    fix: Rewrite | None = None
    target: CSTNode | None = None


class Check(_FastHooks):
    """Base of every check: counts opportunities and violations, isolates its own failures.

    A check is one class in one module of `canon.checks.rules`, named after its id. It says
    what it is in class attributes (the catalog, `canon.checks.catalog`, is generated from
    them) and defines `visit_*`/`leave_*` methods that call `ok()` for an opportunity that
    follows the rule and `flag()` for one that breaks it, with the fix when one is safe. A
    check that needs node spans calls `measure(node)` during the traversal and decides in
    `finish`. Its examples are those of the rules whose `check:` names its id.

    Attributes:
        check_id: The id rules name in `check:`.
        summary: What a violation is, in one sentence.
        heuristic: Whether it can be wrong; `caveat` says how.
        caveat: How a heuristic check can be wrong.
        opportunity: Where the rule applies: what the check counts, followed or broken.
        fixable: Whether `--fix` repairs (some of) its findings.
        orphans: `typing` names its fixes may leave unused; `--fix` drops their imports.
    """

    check_id: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    heuristic: ClassVar[bool] = False
    caveat: ClassVar[str] = ""
    opportunity: ClassVar[str] = ""
    fixable: ClassVar[bool] = False
    orphans: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, context: FileContext) -> None:
        """Create the check for one file.

        Args:
            context: The file's shared context.
        """
        super().__init__()
        self.context = context
        self.opportunities = 0
        self.flags: list[Flag] = []
        self.measured: list[CSTNode] = []
        self.failure: Exception | None = None

    def __repr__(self) -> str:
        """The check, its file and what it has counted so far (for debugging)."""
        return (
            f"{type(self).__name__}(check_id={self.check_id!r}, path={self.context.path!r}, "
            f"opportunities={self.opportunities}, violations={len(self.flags)})"
        )

    def ok(self, count: int = 1) -> None:
        """Count opportunities that follow the rule.

        Args:
            count: How many.
        """
        self.opportunities += count

    def flag(
        self,
        node: CSTNode,
        message: str,
        *,
        fix: Rewrite | None = None,
        target: CSTNode | None = None,
        fixable: bool | None = None,
    ) -> None:
        """Count an opportunity that breaks the rule.

        Args:
            node: Where the violation is.
            message: What is wrong and what to write instead.
            fix: Builds the repaired `target` (applied only under `--fix`/`--diff`).
            target: The node `fix` rewrites; `node` when None.
            fixable: Whether `--fix` repairs it; whether a fix is given when None.
        """
        self.opportunities += 1
        can_fix = fix is not None if fixable is None else fixable
        self.flags.append(Flag(node=node, message=message, fixable=can_fix, fix=fix, target=target))

    def measure(self, node: CSTNode) -> None:
        """Ask for the span of a node, to decide in `finish`.

        Args:
            node: The node to measure.
        """
        self.measured.append(node)

    def finish(self, spans: Mapping[CSTNode, Span]) -> None:
        """Decide what needs spans, after the traversal.

        Args:
            spans: `(line, column, end_line, end_column)` of every measured node.
        """

    @override
    def get_visitors(self) -> Mapping[str, Visit]:
        """The batch's callbacks, each guarded so one failing check loses only itself.

        Returns:
            The guarded callbacks by name.
        """
        return {name: self._guard(getattr(self, name)) for name in hook_names(type(self))}

    def _guard(self, function: Visit) -> Visit:
        def guarded(node: CSTNode) -> object:
            if self.failure is not None:
                return None
            try:
                return function(node)
            except RecursionError:
                raise
            except Exception as exc:
                self.failure = exc
                return None

        return guarded
