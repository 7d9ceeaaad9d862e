"""A read-only batched traversal of a libcst tree that does not rebuild it.

libcst's `visit_batched` walks through `_visit_and_replace_children`, which builds (and
validates) a new node for every node of the tree even when a visitor changes nothing, and calls
two attribute hooks per field: about two thirds of the cost of a parse on the standard library.
canon's checks only read the tree, so this walk calls the same `visit_<Type>` and
`leave_<Type>` hooks on the same nodes in the same order, taking each node type's fields in
libcst's own visiting order, learnt once per type from libcst itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from re import compile as compile_pattern
from typing import TYPE_CHECKING, override

from libcst import CSTNode, CSTVisitor

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from libcst import BatchableCSTVisitor

__all__ = ["field_order", "walk_batched"]

type Hook = Callable[[CSTNode], object]

_VISITED_FIELD = compile_pattern(r'visit_\w+\(\s*self,\s*"(\w+)"')
_FIELD_ORDER: dict[type[CSTNode], tuple[str, ...]] = {}


class _FieldRecorder(CSTVisitor):
    """Records the fields libcst visits on one node, without descending into them."""

    def __init__(self) -> None:
        """Create an empty recorder."""
        super().__init__()
        self.fields: list[str] = []

    @override
    def on_visit(self, node: CSTNode) -> bool:
        return False

    @override
    def on_leave(self, original_node: CSTNode) -> None:
        return None

    @override
    def on_visit_attribute(self, node: CSTNode, attribute: str) -> None:
        if attribute not in self.fields:
            self.fields.append(attribute)

    @override
    def on_leave_attribute(self, original_node: CSTNode, attribute: str) -> None:
        return None


def field_order(node: CSTNode) -> tuple[str, ...]:
    """The fields of a node's type that hold children, in the order libcst visits them.

    The order is read from the type's `_visit_and_replace_children` source, where every visited
    field is named in visiting order, even those visited only when set (a format spec). Without
    the source, it is recorded from this node, which can miss such conditional fields.

    Args:
        node: Any node; its type's order is learnt once, then reused.

    Returns:
        Field names.
    """
    kind = type(node)
    fields = _FIELD_ORDER.get(kind)
    if fields is None:
        fields = _fields_from_source(kind) or _fields_recorded(node)
        _FIELD_ORDER[kind] = fields
    return fields


def _fields_from_source(kind: type[CSTNode]) -> tuple[str, ...]:
    from inspect import getsource

    try:
        source = getsource(kind._visit_and_replace_children)
    except (OSError, TypeError):
        return ()
    return tuple(dict.fromkeys(_VISITED_FIELD.findall(source)))


def _fields_recorded(node: CSTNode) -> tuple[str, ...]:
    recorder = _FieldRecorder()
    node._visit_and_replace_children(recorder)
    return tuple(recorder.fields)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Step:
    """What the walk does at one node type.

    Attributes:
        enter: Hooks on entry.
        fields: Fields to descend, in order.
        leave: Hooks on exit.
    """

    enter: tuple[Hook, ...]
    fields: tuple[str, ...]
    leave: tuple[Hook, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Plan:
    """The steps of one walk by node type, built the first time a type is met.

    Attributes:
        hooks: Callbacks by hook name (`visit_Name`, `leave_FunctionDef`...).
        steps: The steps built so far.
    """

    hooks: Mapping[str, tuple[Hook, ...]]
    steps: dict[type[CSTNode], _Step] = field(default_factory=dict)

    def step(self, node: CSTNode) -> _Step:
        """The step for a node's type.

        Args:
            node: The node met.

        Returns:
            Its step.
        """
        kind = type(node)
        found = self.steps.get(kind)
        if found is None:
            name = kind.__name__
            found = _Step(
                enter=self.hooks.get(f"visit_{name}", ()),
                fields=field_order(node),
                leave=self.hooks.get(f"leave_{name}", ()),
            )
            self.steps[kind] = found
        return found


def walk_batched(module: CSTNode, visitors: Iterable[BatchableCSTVisitor]) -> None:
    """Call every visitor's `visit_*` and `leave_*` hooks over the tree, as `visit_batched` does.

    Visitors run in the order given at each node, on entry and on exit alike. The tree is read,
    never rebuilt; hooks cannot stop the descent (nor can they in a batched libcst visit).

    Args:
        module: The root of the tree.
        visitors: Batchable visitors.

    Raises:
        RecursionError: The tree is too deep to walk.
    """
    hooks: dict[str, list[Hook]] = {}
    for visitor in visitors:
        for name, hook in visitor.get_visitors().items():
            hooks.setdefault(name, []).append(hook)
    plan = _Plan(hooks={name: tuple(found) for name, found in hooks.items()})
    _walk(module, plan)


def _walk(node: CSTNode, plan: _Plan) -> None:
    step = plan.steps.get(type(node)) or plan.step(node)
    for hook in step.enter:
        hook(node)
    for name in step.fields:
        value = getattr(node, name)
        if isinstance(value, CSTNode):
            _walk(value, plan)
        elif isinstance(value, tuple | list):
            for child in value:
                _walk(child, plan)
    for hook in step.leave:
        hook(node)
