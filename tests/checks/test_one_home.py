"""One home per check: adding a check touches its module, the standard's YAML and its test only.

A check is one class in `canon.checks.rules.<check_id>`; the catalog start-up reads is generated
from the classes; no other module of canon names a check id.
"""

from __future__ import annotations

from ast import Constant, parse, walk
from importlib import import_module
from inspect import getmembers, isclass
from pathlib import Path
from subprocess import run
from sys import executable

from pytest import mark

from canon.checks import CHECK_IDS, CHECKS, check_source
from canon.checks.base import Check
from canon.checks.generate import (
    CATALOG_PATH,
    FIGURES_PATH,
    check_modules,
    discover_checks,
    render_catalog,
)
from tests.checks.conftest import checked_rules

SRC = Path(__file__).resolve().parents[2] / "src" / "canon"
ROOT = SRC.parents[1]
REGENERATE = "run `uv run python -m canon.checks.generate` and commit canon/checks/catalog.py"
# String literals that spell a check id but mean something else.
NOT_CHECK_IDS = {
    ("rules/no_pickle.py", "orjson"),  # the module `orjson`, a safe format
    ("rules/specific_imports.py", "structlog"),  # the module `structlog`, imported whole
}


def _checks_defined_in(module_name: str) -> list[type[Check]]:
    module = import_module(module_name)
    return [
        value
        for _, value in getmembers(module, isclass)
        if issubclass(value, Check) and value.check_id and value.__module__ == module_name
    ]


@mark.parametrize("module_name", check_modules())
def test_check_module_defines_exactly_one_check_named_like_the_file(module_name: str):
    checks = _checks_defined_in(module_name)
    assert len(checks) == 1, f"{module_name} defines {len(checks)} checks"
    (check,) = checks
    assert module_name.rpartition(".")[2] == check.check_id.replace("-", "_")
    assert check.summary.endswith("."), check.check_id
    assert check.opportunity, f"{check.check_id} has no opportunity definition"
    assert bool(check.caveat) == check.heuristic, f"{check.check_id}: a caveat iff heuristic"


def test_check_modules_cover_every_catalog_id_once():
    ids = [cls.check_id for cls in discover_checks()]
    assert len(ids) == len(set(ids)) == 58
    assert set(ids) == CHECK_IDS


def test_catalog_generated_from_classes_has_not_drifted():
    assert CATALOG_PATH.read_text(encoding="utf-8") == render_catalog(), REGENERATE


def test_catalog_entry_is_what_the_class_says():
    (union,) = _checks_defined_in("canon.checks.rules.union_operator")
    info = CHECKS["union-operator"]
    assert info.implementation == "canon.checks.rules.union_operator.UnionOperator"
    assert (info.summary, info.heuristic, info.fixable, info.caveat) == (
        union.summary,
        False,
        True,
        "",
    )
    assert info.opportunity == union.opportunity


def test_helpers_define_no_check():
    for path in sorted((SRC / "checks" / "helpers").glob("*.py")):
        module_name = f"canon.checks.helpers.{path.stem}".removesuffix(".__init__")
        assert _checks_defined_in(module_name) == [], module_name


def test_no_module_outside_a_check_names_a_check_id():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC / "checks").as_posix() if "checks" in path.parts else ""
        if path in {CATALOG_PATH, FIGURES_PATH}:
            continue
        own = path.stem.replace("_", "-") if path.parent.name == "rules" else ""
        for node in walk(parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, Constant) and isinstance(node.value, str)):
                continue
            spelled = node.value in CHECK_IDS and node.value != own
            if spelled and (relative, node.value) not in NOT_CHECK_IDS:
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_help_and_compile_never_import_libcst():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from canon.cli import app\n"
        "runner = CliRunner()\n"
        "assert runner.invoke(app, ['--help']).exit_code == 0\n"
        "result = runner.invoke(app, ['compile', '--check'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'libcst' not in sys.modules, 'libcst imported'\n"
    )
    run([executable, "-c", code], cwd=ROOT, check=True)


def test_fixable_findings_only_from_checks_the_catalog_calls_fixable():
    fixable_seen: set[str] = set()
    for rule in checked_rules():
        for code in rule.examples.bad:
            result = check_source(code, select=frozenset({rule.check}))
            fixable_seen.update(f.check for f in result.findings if f.fixable)
    assert fixable_seen == {check_id for check_id, info in CHECKS.items() if info.fixable}
