"""Positions of chosen nodes only, from one plain code generation of the module.

libcst's `PositionProvider` builds a range object for every node of the tree; that costs about
twice the parse. Here the generator only marks token indexes for the nodes asked for, then turns
those indexes into lines and columns in one pass over the text.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, override

from libcst._nodes.internal import CodegenState

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Mapping

    from libcst import CSTNode, Module

__all__ = ["node_spans"]

type Span = tuple[int, int, int, int]


@dataclass(  # canon: ignore[dataclass-frozen, dataclass-options] libcst writes into it
    slots=True, kw_only=True
)
class _MarkingState(CodegenState):
    """Codegen state that remembers token indexes where wanted nodes start and end."""

    wanted: set[int] = field(default_factory=set)
    marks: dict[int, tuple[int, int]] = field(default_factory=dict)
    opened: dict[int, int] = field(default_factory=dict)

    @override
    def before_codegen(self, node: CSTNode) -> None:
        key = id(node)
        if key in self.wanted:
            self.opened[key] = len(self.tokens)

    @override
    def after_codegen(self, node: CSTNode) -> None:
        key = id(node)
        if key in self.wanted and key not in self.marks:
            self.marks[key] = (self.opened.pop(key, len(self.tokens)), len(self.tokens))

    @override
    @contextmanager
    def record_syntactic_position(
        self,
        node: CSTNode,
        *,
        start_node: CSTNode | None = None,
        end_node: CSTNode | None = None,
    ) -> Iterator[None]:
        key = id(node)
        if key not in self.wanted:
            yield
            return
        for hoisted in (start_node, end_node):
            if hoisted is not None:
                self.wanted.add(id(hoisted))
        start = len(self.tokens)
        try:
            yield
        finally:
            end = len(self.tokens)
            if start_node is not None and id(start_node) in self.marks:
                start = self.marks[id(start_node)][0]
            if end_node is not None and id(end_node) in self.marks:
                end = self.marks[id(end_node)][1]
            self.marks[key] = (start, end)


def _skip_leading_space(tokens: list[str], start: int, end: int) -> int:
    while start < end and not tokens[start].strip():
        start += 1
    return start


def node_spans(module: Module, nodes: Collection[CSTNode]) -> Mapping[int, Span]:
    """Find `(line, column, end_line, end_column)` of some nodes, 1-based, by `id(node)`.

    Args:
        module: The parsed module the nodes belong to.
        nodes: The nodes to place.

    Returns:
        The span of each node found in the module, keyed by the node's `id`.
    """
    if not nodes:
        return {}
    state = _MarkingState(
        default_indent=module.default_indent,
        default_newline=module.default_newline,
        wanted={id(node) for node in nodes},
    )
    module._codegen(state)
    tokens = state.tokens
    wanted = {id(node) for node in nodes}
    points: set[int] = set()
    marks: dict[int, tuple[int, int]] = {}
    for key in wanted:
        if key in state.marks:
            start, end = state.marks[key]
            start = _skip_leading_space(tokens, start, end)
            marks[key] = (start, end)
            points.update((start, end))
    places = _places(tokens, sorted(points))
    return {key: (*places[start], *places[end]) for key, (start, end) in marks.items()}


def _places(tokens: list[str], points: list[int]) -> dict[int, tuple[int, int]]:
    """Map token indexes to 1-based (line, column) of the text before them."""
    places: dict[int, tuple[int, int]] = {}
    line, column, previous = 1, 0, 0
    for point in points:
        chunk = "".join(tokens[previous:point])
        newlines = chunk.count("\n")
        if newlines:
            line += newlines
            column = len(chunk) - chunk.rfind("\n") - 1
        else:
            column += len(chunk)
        places[point] = (line, column + 1)
        previous = point
    return places
