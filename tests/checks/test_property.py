"""Property: no generated program crashes a check, and fixes always leave code that parses."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesmith import from_grammar, from_node
from libcst import parse_module
from pytest import mark

from canon.checks import check_source
from canon.checks.fixes import FIXABLE, fix_source

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _assert_no_crash(source: str) -> None:
    result = check_source(source)
    errors = [finding for finding in result.findings if finding.check == "check-error"]
    assert not errors, errors
    fixed = fix_source(source, FIXABLE)
    if fixed != source:
        parse_module(fixed)


@mark.slow
@SETTINGS
@given(from_grammar())
def test_check_source_grammar_programs_never_crash(source: str):
    _assert_no_crash(source)


@mark.slow
@SETTINGS
@given(from_node())
def test_check_source_node_programs_never_crash(source: str):
    _assert_no_crash(source)
