"""`--fix` and `--diff`: apply the fixes the checks attach to their flags; idempotent.

Each check builds its own fixes next to its detection (`Check.flag(..., fix=...)`); this module
only runs the fixable checks, applies their fixes in one transformation (inner nodes first, so
nested fixes compose), then drops the `typing` imports the fixes left unused.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from re import findall
from typing import TYPE_CHECKING, override

from libcst import (
    CSTNode,
    CSTTransformer,
    CSTVisitor,
    ImportStar,
    MaybeSentinel,
    ParserSyntaxError,
    RemoveFromParent,
    parse_module,
)

from canon.checks.base import dotted
from canon.checks.catalog import CHECKS
from canon.checks.engine import check_classes, run_checks, traverse

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from libcst import (
        FlattenSentinel,
        ImportFrom,
        Name,
        RemovalSentinel,
        SimpleString,
    )

    from canon.checks.base import Check, Rewrite
    from canon.checks.positions import Span

__all__ = ["FIXABLE", "Position", "fix_source"]

type Position = tuple[str, int, int]  # a finding's check, line and column

FIXABLE = frozenset(check_id for check_id, info in CHECKS.items() if info.fixable)
_TYPING_MODULES = frozenset({"typing", "typing_extensions"})


@cache
def _orphans() -> frozenset[str]:
    """The `typing` names any fix may leave unused."""
    return frozenset().union(*(cls.orphans for cls in check_classes(sorted(FIXABLE))))


class _ApplyFixes(CSTTransformer):
    """Replaces each fixed node by what its fixes build from it."""

    def __init__(self, fixes: Mapping[int, list[Rewrite]]) -> None:
        super().__init__()
        self.fixes = fixes

    @override
    def on_leave(
        self, original_node: CSTNode, updated_node: CSTNode
    ) -> CSTNode | FlattenSentinel[CSTNode] | RemovalSentinel:
        result: CSTNode | FlattenSentinel[CSTNode] | RemovalSentinel = updated_node
        for fix in self.fixes.get(id(original_node), ()):
            if not isinstance(result, CSTNode):
                break
            result = fix(result)
        return result


def _collect(
    checks: list[Check], spans: Mapping[int, Span], wanted: Collection[Position] | None
) -> dict[int, list[Rewrite]]:
    """The fixes by target node, one per check and target, of the wanted findings only."""
    fixes: dict[int, list[Rewrite]] = {}
    seen: set[tuple[str, int]] = set()
    for check in checks:
        if check.failure is not None:
            continue
        for flag in check.flags:
            target = flag.node if flag.target is None else flag.target
            if flag.fix is None or (check.check_id, id(target)) in seen:
                continue
            line, column, _, _ = spans.get(id(flag.node), (0, 0, 0, 0))
            if wanted is not None and (check.check_id, line, column) not in wanted:
                continue  # a suppressed finding: its line stays as written
            seen.add((check.check_id, id(target)))
            fixes.setdefault(id(target), []).append(flag.fix)
    return fixes


class _UnusedTypingImports(CSTTransformer):
    """Drops names from `from typing import ...` that the fixes left unused."""

    def __init__(self, used: set[str], candidates: frozenset[str]) -> None:
        super().__init__()
        self.used = used
        self.candidates = candidates

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
            or dotted(alias.name) not in self.candidates
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


def fix_source(
    source: str, check_ids: frozenset[str], *, wanted: Collection[Position] | None = None
) -> str:
    """Apply the safe fixes of the given checks, and keep them only if they prove safe.

    A fixed text is kept when it parses, compiles, and has no more findings of any check run
    than the original (a fix never trades one finding for another).

    Args:
        source: Python code.
        check_ids: The checks whose fixes to apply (others are ignored).
        wanted: The findings to fix, as `(check, line, column)`; None for every one (a
            suppressed finding is left out, so its line stays as written).

    Returns:
        The fixed code; the same text when nothing applies, the code does not parse, or the
        fixed code fails the proof.
    """
    enabled = tuple(sorted(check_ids & FIXABLE))
    if not enabled:
        return source
    try:
        module = parse_module(source)
        checks, spans = traverse(module, source=source, path="", check_ids=enabled)
    except (ParserSyntaxError, RecursionError):
        return source
    fixed = module.visit(_ApplyFixes(_collect(checks, spans, wanted)))
    if fixed.deep_equals(module):
        return source
    names = _Names()
    fixed.visit(names)
    code = fixed.visit(_UnusedTypingImports(names.used, _orphans())).code
    return code if _proven(source, code, enabled) else source


def _proven(source: str, fixed: str, check_ids: tuple[str, ...]) -> bool:
    """Whether a fixed text parses, compiles, and finds no more of anything than the original."""
    try:
        compile(fixed, "<fixed>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    before = run_checks(source, path="", check_ids=check_ids)
    after = run_checks(fixed, path="", check_ids=check_ids)
    if after.syntax_error is not None:
        return False
    counts = Counter(finding.check for finding in before.findings)
    return all(
        count <= counts[check] for check, count in Counter(f.check for f in after.findings).items()
    )
