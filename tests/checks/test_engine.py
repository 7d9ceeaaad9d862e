"""The engine: the `check_source` contract, isolation of failures, cheap imports."""

from __future__ import annotations

from pathlib import Path
from subprocess import run
from sys import base_prefix, executable, version_info
from typing import TYPE_CHECKING

from pytest import raises, skip

from canon.checks import CHECK_IDS, CHECKS, check_source
from canon.checks.engine import check_classes
from canon.checks.fixes import FIXABLE

if TYPE_CHECKING:
    from pytest import MonkeyPatch

STDLIB = Path(base_prefix) / "lib" / f"python{version_info.major}.{version_info.minor}"


def test_check_source_optional_finding_has_positions_and_fixable():
    result = check_source(
        "def f(x: Optional[int]) -> None: ...\n", select=frozenset({"union-operator"})
    )
    (finding,) = result.findings
    assert (finding.check, finding.line, finding.column) == ("union-operator", 1, 10)
    assert (finding.end_line, finding.end_column) == (1, 23)
    assert finding.fixable
    assert result.tally["union-operator"].violations == 1


def test_check_source_every_selected_check_has_a_tally():
    result = check_source("x = 1\n")
    assert set(result.tally) == CHECK_IDS
    assert result.tally["union-operator"].opportunities == 0


def test_check_source_no_opportunity_is_not_applicable():
    result = check_source("x = 1\n", select=frozenset({"dataclass-options"}))
    assert not result.tally["dataclass-options"].applicable
    assert result.findings == ()


def test_check_source_syntax_error_is_one_finding_at_parser_position():
    result = check_source("x = 1\ndef f(:\n    pass\n")
    assert result.syntax_error is not None
    assert result.findings == (result.syntax_error,)
    assert result.syntax_error.check == "syntax"
    assert result.syntax_error.line == 2
    assert all(t.opportunities == 0 for t in result.tally.values())


def test_check_source_unknown_check_raises_value_error():
    with raises(ValueError, match="nope"):
        check_source("x = 1\n", select=frozenset({"nope"}))


def test_engine_raising_check_keeps_other_checks(monkeypatch: MonkeyPatch):
    from canon.checks.rules.union_operator import UnionOperator

    def explode(self: object, node: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(UnionOperator, "visit_Subscript", explode)
    code = "def f(x: Optional[int], *args: int) -> None:\n    pass\n"
    result = check_source(code, select=frozenset({"union-operator", "no-star-args"}))
    checks = [finding.check for finding in result.findings]
    assert "check-error" in checks
    assert "no-star-args" in checks
    assert result.tally["union-operator"].opportunities == 0


def test_engine_recursion_limit_is_a_finding_not_a_crash():
    topics = STDLIB / "pydoc_data" / "topics.py"
    if not topics.is_file():
        skip("no pydoc_data/topics.py in this interpreter")
    result = check_source(topics.read_text(encoding="utf-8"), select=frozenset({"f-strings"}))
    assert [finding.check for finding in result.findings] == ["too-deep"]


def test_catalog_every_check_implemented_and_fix_flags_match():
    classes = check_classes(sorted(CHECK_IDS))
    assert sorted(cls.check_id for cls in classes) == sorted(CHECK_IDS)
    assert {check_id for check_id, info in CHECKS.items() if info.fixable} == FIXABLE


def test_import_checks_and_cli_without_libcst():
    code = (
        "import sys, canon.checks, canon.cli, canon.standards.loader;"
        "assert 'libcst' not in sys.modules, 'libcst imported'"
    )
    run([executable, "-c", code], check=True)


def test_positions_multiline_node_spans_lines():
    code = "x = 1\n\n\ndef f(\n    a: Optional[\n        int\n    ],\n) -> None:\n    pass\n"
    (finding,) = check_source(code, select=frozenset({"union-operator"})).findings
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (5, 8, 7, 6)
