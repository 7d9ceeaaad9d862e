"""The shape of the code: no import cycles, and a target's facts only in its own module."""

from __future__ import annotations

from ast import (
    AnnAssign,
    Assign,
    AsyncFunctionDef,
    ClassDef,
    Constant,
    Expr,
    FunctionDef,
    Import,
    ImportFrom,
    Module,
    Name,
    parse,
    walk,
)
from graphlib import CycleError, TopologicalSorter
from typing import TYPE_CHECKING

from canon.compiler.targets import get_target, target_names
from tests.conftest import REPO

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SRC = REPO / "src"
PACKAGE = SRC / "canon"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imported(tree: Module, known: dict[str, Path]) -> Iterator[str]:
    """Every known module a module imports, at any depth (functions, TYPE_CHECKING too)."""
    for node in walk(tree):
        if isinstance(node, Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [name if name in known else node.module for name in names]
        else:
            continue
        yield from (name for name in names if name in known)


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    return {
        name: set(_imported(parse(path.read_text(encoding="utf-8")), modules)) - {name}
        for name, path in modules.items()
    }


def test_import_graph_sees_function_level_imports():
    graph = import_graph(MODULES)
    # cli imports every service inside its commands, for a fast start-up
    assert {"canon.compiler.service", "canon.importer.service"} <= graph["canon.cli"]
    assert "canon.compiler.targets.agents_md" in graph["canon.compiler.targets.claude"]


def test_no_import_cycle_between_modules_of_canon():
    try:
        TopologicalSorter(import_graph(MODULES)).prepare()
    except CycleError as error:
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None


def test_a_cycle_hidden_in_a_function_is_found(tmp_path: Path):
    (tmp_path / "a.py").write_text("def f():\n    from canon.b import g\n")
    (tmp_path / "b.py").write_text("from canon import a\n")
    graph = import_graph({"canon.a": tmp_path / "a.py", "canon.b": tmp_path / "b.py"})
    assert graph == {"canon.a": {"canon.b"}, "canon.b": {"canon.a"}}
    try:
        TopologicalSorter(graph).prepare()
    except CycleError:
        return
    raise AssertionError("the cycle was not found")


def _strings(tree: Module) -> Iterator[tuple[str, bool]]:
    """Every string constant but docstrings, and whether it is a default (`DEFAULT_*`, too)."""
    docstrings: set[int] = set()
    defaults: list[object] = []
    for node in walk(tree):
        if isinstance(node, Assign) and any(
            isinstance(name, Name) and name.id.startswith("DEFAULT_") for name in node.targets
        ):
            defaults.append(node.value)
        if isinstance(node, Module | ClassDef | FunctionDef | AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, Expr) and isinstance(first.value, Constant):
                docstrings.add(id(first.value))
        if isinstance(node, FunctionDef | AsyncFunctionDef):
            defaults.extend([*node.args.defaults, *node.args.kw_defaults])
        if isinstance(node, ClassDef):
            defaults.extend(
                item.value for item in node.body if isinstance(item, AnnAssign) and item.value
            )
    in_defaults = {id(inner) for value in defaults if value is not None for inner in walk(value)}
    for node in walk(tree):
        if (
            isinstance(node, Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.value, id(node) in in_defaults


# Owned by the evals, which keep their own list of instruction file endings for now.
KNOWN = {("canon.evals.instructions", ".mdc"), ("canon.evals.instructions", ".rules")}


def _facts() -> dict[str, tuple[str, set[str]]]:
    """Each built-in target's module, and the strings that name it or its files."""
    facts: dict[str, tuple[str, set[str]]] = {}
    for name in target_names():
        target = get_target(name)
        module = type(target).__module__
        if not module.startswith("canon."):
            continue
        info = target.info
        spelled = {*info.paths, *info.import_names, *info.import_folders}
        facts[name] = (module, spelled)
    return facts


def test_every_target_module_is_registered_with_nothing_else_listing_it():
    facts = _facts()
    modules = {module for module, _ in facts.values()}
    helpers = {"base", "markdown_target", "scoping", "__init__"}
    found = {
        _module_name(path)
        for path in (PACKAGE / "compiler" / "targets").glob("*.py")
        if path.stem not in helpers
    }
    assert modules == found
    assert {"copilot", "agents-md", "zed"} <= set(facts)


def test_no_module_but_its_own_spells_a_target_or_its_files():
    facts = _facts()
    offenders: list[str] = []
    for module, path in MODULES.items():
        strings = list(_strings(parse(path.read_text(encoding="utf-8"))))
        for name, (home, spelled) in facts.items():
            if module == home:
                continue
            for value, is_default in strings:
                if value == name and not is_default:
                    offenders.append(f"{module}: {value!r}")
                elif value in spelled and (module, value) not in KNOWN:
                    offenders.append(f"{module}: {value!r} ({name})")
    assert offenders == []
