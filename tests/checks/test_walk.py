"""The read-only walk calls the same hooks on the same nodes in the same order as libcst's."""

from __future__ import annotations

from sys import getrecursionlimit, setrecursionlimit
from typing import TYPE_CHECKING, override

from libcst import BatchableCSTVisitor, CSTNode, parse_module, visit_batched
from pytest import mark, raises

from canon.checks import walk
from canon.checks.walk import field_order, walk_batched

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from libcst import Module
    from pytest import MonkeyPatch


def _subclasses(kind: type) -> set[type]:
    found = set(kind.__subclasses__())
    for sub in kind.__subclasses__():
        found |= _subclasses(sub)
    return found


NODE_TYPES = sorted({kind.__name__ for kind in _subclasses(CSTNode)})

SNIPPETS = {
    "format spec": 'x = f"{value!r:>{width}} and {other=} {plain}"\n',
    "decorated async def": (
        "@cache\n@route('/x', methods=['GET'])\n"
        "async def handler(a, /, b: int = 1, *args: str, c, **kw) -> None:\n"
        "    async with lock as held, other:\n"
        "        return [y async for y in stream() if await y]\n"
    ),
    "match": (
        "match command:\n"
        "    case {'go': [x, *rest]} | Point(x=0, y=_) if x > 1:\n"
        "        pass\n"
        "    case _:\n"
        "        raise ValueError('no') from None\n"
    ),
    "type parameters": "type Pair[T: int, *Ts, **P] = tuple[T, T]\nclass Box[T](Base, x=1): ...\n",
    "try star": (
        "try:\n    run()\nexcept* (OSError, ValueError) as group:\n    log(group)\n"
        "else:\n    done()\nfinally:\n    close()\n"
    ),
    "expressions": (
        "global g\nvalue = (lambda a=1, *, b: a if b else -a)(b=(n := 3))\n"
        "items[1:2, ::3] += {**base, 'k': not v} | {*s}\nprint(*args, sep='', **kw)\n"
        "del a[0], b.c\nassert x is not None, 'msg'\nfor i, (a, b) in enumerate(z):\n"
        "    continue\nwhile True:\n    break\nelse:\n    yield_ = [x for x in y for y in z]\n"
    ),
    "comments and blank lines": "# head\n\nimport os  # why\n\n\n# lone\nx = 1 \\\n  + 2\n",
}


class _Recorder(BatchableCSTVisitor):
    """Records every hook call as (hook, node type, node id)."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, str, int]] = []

    @override
    def get_visitors(self) -> Mapping[str, Callable[[CSTNode], None]]:
        return {
            f"{kind}_{name}": self._record(kind)
            for name in NODE_TYPES
            for kind in ("visit", "leave")
        }

    def _record(self, kind: str) -> Callable[[CSTNode], None]:
        def record(node: CSTNode) -> None:
            self.events.append((kind, type(node).__name__, id(node)))

        return record


def _events(module: Module, walker: Callable[..., object]) -> list[tuple[str, str, int]]:
    recorder = _Recorder()
    walker(module, [recorder])
    return recorder.events


@mark.parametrize("source", SNIPPETS.values(), ids=SNIPPETS.keys())
def test_walk_matches_libcst_hook_for_hook(source: str) -> None:
    module = parse_module(source)
    expected = _events(module, visit_batched)
    assert len(expected) > 20
    assert _events(module, walk_batched) == expected


def test_a_field_visited_only_when_set_keeps_its_place(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(walk, "_FIELD_ORDER", {})
    plain = parse_module('f"{x}"\n')
    spec = parse_module('f"{x:>{w}}"\n')
    walk_batched(plain, [_Recorder()])
    assert _events(spec, walk_batched) == _events(spec, visit_batched)


def test_without_libcst_source_the_order_is_recorded_from_the_node(
    monkeypatch: MonkeyPatch,
) -> None:
    def no_source(_: object) -> str:
        raise OSError

    monkeypatch.setattr(walk, "_FIELD_ORDER", {})
    monkeypatch.setattr("inspect.getsource", no_source)
    call = parse_module("run(a, b=1)\n").body[0].body[0].value
    assert field_order(call) == (
        "lpar",
        "func",
        "whitespace_after_func",
        "whitespace_before_args",
        "args",
        "rpar",
    )
    module = parse_module(SNIPPETS["expressions"])
    assert _events(module, walk_batched) == _events(module, visit_batched)


def test_a_tree_too_deep_raises_recursion_error() -> None:
    deep = parse_module("x = " + "[" * 100 + "1" + "]" * 100 + "\n")
    with raises(RecursionError):
        _walk_with_limit(deep, limit=150)


def _walk_with_limit(module: Module, *, limit: int) -> None:
    previous = getrecursionlimit()
    setrecursionlimit(limit)
    try:
        walk_batched(module, [_Recorder()])
    finally:
        setrecursionlimit(previous)
