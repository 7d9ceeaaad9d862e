"""Safe autofixes, built only when `--fix` or `--diff` asks; idempotent.

`Optional`/`Union` to `|`, typing generics to builtins, abstract types to `collections.abc`,
`TypeAlias` to `type`, bare `except` to `except Exception`, simple `.format()` to f-strings.
"""

from re import findall
from typing import ClassVar, override

from libcst import (
    AnnAssign,
    Attribute,
    BaseExpression,
    BaseSmallStatement,
    BaseStatement,
    BinaryOperation,
    BitOr,
    Call,
    CSTTransformer,
    CSTVisitor,
    ExceptHandler,
    FlattenSentinel,
    Import,
    ImportFrom,
    ImportStar,
    MaybeSentinel,
    MetadataWrapper,
    Module,
    Name,
    ParserSyntaxError,
    RemovalSentinel,
    RemoveFromParent,
    SimpleStatementLine,
    SimpleString,
    SimpleWhitespace,
    Subscript,
    TypeAlias,
    parse_expression,
    parse_module,
    parse_statement,
)

from canon.checks.base import ContextPush, FileContext, dotted
from canon.checks.families.errors import reraises as _reraises
from canon.checks.families.format_calls import format_to_fstring
from canon.checks.families.typing import ABC_NAMES, typing_name, union_members

__all__ = ["FIXABLE", "fix_source"]

FIXABLE = frozenset(
    {
        "union-operator",
        "builtin-generics",
        "abc-imports",
        "type-statement",
        "bare-except",
        "f-strings",
    }
)
_BUILTINS = {
    "List": "list",
    "Dict": "dict",
    "Set": "set",
    "FrozenSet": "frozenset",
    "Tuple": "tuple",
    "Type": "type",
}
_TYPING_MODULES = frozenset({"typing", "typing_extensions"})


def _join(members: list[BaseExpression]) -> BaseExpression:
    result = members[0]
    for member in members[1:]:
        result = BinaryOperation(left=result, operator=BitOr(), right=member)
    return result


class _Fixer(CSTTransformer):
    """Rewrites the fixable violations of the enabled checks."""

    def __init__(self, context: FileContext, enabled: frozenset[str]) -> None:
        super().__init__()
        self.context = context
        self.enabled = enabled
        self.import_depth = 0
        self.abc_moved: dict[int, list[str]] = {}

    @override
    def visit_Import(self, node: Import) -> None:
        self.import_depth += 1

    @override
    def leave_Import(self, original_node: Import, updated_node: Import) -> Import:
        self.import_depth -= 1
        return updated_node

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        self.import_depth += 1

    @override
    def leave_Subscript(self, original_node: Subscript, updated_node: Subscript) -> BaseExpression:
        if "union-operator" in self.enabled:
            name = typing_name(self.context, original_node.value, frozenset({"Optional", "Union"}))
            members = union_members(updated_node) if name else None
            if members and name == "Optional" and len(members) == 1:
                return _join([*members, Name("None")])
            if members and name == "Union":
                return _join(members)
        return updated_node

    @override
    def leave_Name(self, original_node: Name, updated_node: Name) -> Name:
        if self.import_depth or "builtin-generics" not in self.enabled:
            return updated_node
        if original_node.value in _BUILTINS and typing_name(
            self.context, original_node, frozenset(_BUILTINS)
        ):
            return Name(_BUILTINS[original_node.value])
        return updated_node

    @override
    def leave_Attribute(self, original_node: Attribute, updated_node: Attribute) -> BaseExpression:
        if self.import_depth or "builtin-generics" not in self.enabled:
            return updated_node
        name = original_node.attr.value
        if name in _BUILTINS and self.context.qualified(original_node).rpartition(".")[0] in (
            _TYPING_MODULES
        ):
            return Name(_BUILTINS[name])
        return updated_node

    @override
    def leave_ExceptHandler(
        self, original_node: ExceptHandler, updated_node: ExceptHandler
    ) -> ExceptHandler:
        reraises = _reraises(original_node.body, "")
        if "bare-except" in self.enabled and updated_node.type is None and not reraises:
            return updated_node.with_changes(
                type=Name("Exception"), whitespace_after_except=SimpleWhitespace(" ")
            )
        return updated_node

    @override
    def leave_Call(self, original_node: Call, updated_node: Call) -> BaseExpression:
        if "f-strings" in self.enabled:
            rewritten = format_to_fstring(original_node)
            if rewritten is not None:
                return parse_expression(rewritten)
        return updated_node

    @override
    def leave_AnnAssign(
        self, original_node: AnnAssign, updated_node: AnnAssign
    ) -> BaseSmallStatement:
        if "type-statement" not in self.enabled or updated_node.value is None:
            return updated_node
        annotation = original_node.annotation.annotation
        if not typing_name(self.context, annotation, frozenset({"TypeAlias"})):
            return updated_node
        if not isinstance(updated_node.target, Name):
            return updated_node
        return TypeAlias(name=updated_node.target, value=updated_node.value)

    @override
    def leave_ImportFrom(self, original_node: ImportFrom, updated_node: ImportFrom) -> ImportFrom:
        self.import_depth -= 1
        if "abc-imports" not in self.enabled or isinstance(updated_node.names, ImportStar):
            return updated_node
        if not updated_node.module or dotted(updated_node.module) not in _TYPING_MODULES:
            return updated_node
        moved = [a for a in updated_node.names if dotted(a.name) in ABC_NAMES]
        if moved:
            self.abc_moved[id(updated_node)] = [
                Module(body=()).code_for_node(a.with_changes(comma=MaybeSentinel.DEFAULT))
                for a in moved
            ]
        return updated_node

    @override
    def leave_SimpleStatementLine(
        self, original_node: SimpleStatementLine, updated_node: SimpleStatementLine
    ) -> BaseStatement | FlattenSentinel[BaseStatement]:
        for small in updated_node.body:
            if isinstance(small, ImportFrom) and id(small) in self.abc_moved:
                names = self.abc_moved.pop(id(small))
                keep = [a for a in small.names if dotted(a.name) not in ABC_NAMES]
                added = parse_statement(f"from collections.abc import {', '.join(names)}\n")
                if not keep:
                    return added.with_changes(leading_lines=updated_node.leading_lines)
                keep[-1] = keep[-1].with_changes(comma=MaybeSentinel.DEFAULT)
                rest = updated_node.with_changes(body=[small.with_changes(names=keep)])
                return FlattenSentinel(
                    [
                        added.with_changes(leading_lines=updated_node.leading_lines),
                        rest.with_changes(leading_lines=()),
                    ]
                )
        return updated_node


class _UnusedTypingImports(CSTTransformer):
    """Drops names from `from typing import ...` that the fixes left unused."""

    CANDIDATES: ClassVar[frozenset[str]] = frozenset({"Optional", "Union", "TypeAlias", *_BUILTINS})

    def __init__(self, used: set[str]) -> None:
        super().__init__()
        self.used = used

    @override
    def leave_ImportFrom(
        self, original_node: ImportFrom, updated_node: ImportFrom
    ) -> ImportFrom | RemovalSentinel:
        if isinstance(updated_node.names, ImportStar) or not updated_node.module:
            return updated_node
        if dotted(updated_node.module) not in _TYPING_MODULES:
            return updated_node
        keep = [
            alias
            for alias in updated_node.names
            if alias.asname is not None
            or dotted(alias.name) not in self.CANDIDATES
            or dotted(alias.name) in self.used
        ]
        if len(keep) == len(updated_node.names):
            return updated_node
        if not keep:
            return RemoveFromParent()
        keep[-1] = keep[-1].with_changes(comma=MaybeSentinel.DEFAULT)
        return updated_node.with_changes(names=keep)


class _Names(CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.used: set[str] = set()
        self.depth = 0

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        self.depth += 1

    @override
    def leave_ImportFrom(self, original_node: ImportFrom) -> None:
        self.depth -= 1

    @override
    def visit_Name(self, node: Name) -> None:
        if not self.depth:
            self.used.add(node.value)

    @override
    def visit_SimpleString(self, node: SimpleString) -> None:
        self.used.update(findall(r"[A-Za-z_]\w*", node.value))


def fix_source(source: str, check_ids: frozenset[str]) -> str:
    """Apply the safe fixes of the given checks.

    Args:
        source: Python code.
        check_ids: The checks whose fixes to apply (others are ignored).

    Returns:
        The fixed code; the same text when nothing applies or the code does not parse.
    """
    enabled = check_ids & FIXABLE
    if not enabled:
        return source
    try:
        module = parse_module(source)
    except (ParserSyntaxError, RecursionError):
        return source
    context = FileContext(path="", source=source)
    MetadataWrapper(module, unsafe_skip_copy=True).visit_batched([ContextPush(context)])
    fixed = module.visit(_Fixer(context, enabled))
    if fixed.deep_equals(module):
        return source
    names = _Names()
    fixed.visit(names)
    fixed = fixed.visit(_UnusedTypingImports(names.used))
    return fixed.code
