"""Safe fixes: each fixable rule's bad examples are repaired, idempotently, and re-check clean."""

from __future__ import annotations

from libcst import parse_module
from pytest import mark, param

from canon.checks import check_source
from canon.checks.fixes import FIXABLE, fix_source
from tests.checks.conftest import checked_rules

CASES = [
    param(rule.check, code, id=f"{rule.id}-bad{index}")
    for rule in checked_rules()
    if rule.check in FIXABLE
    for index, code in enumerate(rule.examples.bad)
]


@mark.parametrize(("check_id", "code"), CASES)
def test_fix_source_bad_example_fixed_idempotent_and_clean(check_id: str, code: str):
    select = frozenset({check_id})
    before = check_source(code, select=select)
    fixed = fix_source(code, select)
    parse_module(fixed)
    after = check_source(fixed, select=select)
    assert fix_source(fixed, select) == fixed
    assert not [finding for finding in after.findings if finding.fixable]
    if all(finding.fixable for finding in before.findings):
        assert after.tally[check_id].violations == 0
        assert fixed != code


def test_fix_source_union_keeps_string_members_and_their_import():
    code = 'from typing import Optional\n\nx: Optional["Node"] = None\ny: Optional[int] = None\n'
    fixed = fix_source(code, frozenset({"union-operator"}))
    assert (
        fixed == 'from typing import Optional\n\nx: Optional["Node"] = None\ny: int | None = None\n'
    )


def test_fix_source_abc_imports_split_from_typing():
    code = "from typing import Callable, Protocol\n"
    fixed = fix_source(code, frozenset({"abc-imports"}))
    assert fixed == "from collections.abc import Callable\nfrom typing import Protocol\n"


@mark.parametrize(
    ("code", "expected"),
    [
        ('"{} {}".format(a, b)\n', 'f"{a} {b}"\n'),
        ("'{0}-{0}'.format(x.y)\n", "f'{x.y}-{x.y}'\n"),
        ('"{name!r:>4} {{literal}}".format(name=n)\n', 'f"{n!r:>4} {{literal}}"\n'),
        ('"{}".format("quoted")\n', '"{}".format("quoted")\n'),
        ('"{} {}".format(a)\n', '"{} {}".format(a)\n'),
        ('"{:{w}}".format(a, w=3)\n', '"{:{w}}".format(a, w=3)\n'),
        ('b"{}".format(a)\n', 'b"{}".format(a)\n'),
    ],
)
def test_fix_source_format_only_simple_calls_rewritten(code: str, expected: str):
    assert fix_source(code, frozenset({"f-strings"})) == expected


def test_fix_source_syntax_error_left_alone():
    assert fix_source("def f(:\n", FIXABLE) == "def f(:\n"


def test_fix_source_sqlalchemy_comparison_never_touched():
    code = "stmt = select(User).where(User.is_active == True)\n"
    assert fix_source(code, FIXABLE) == code


def test_fix_source_nested_fixes_compose_and_orphaned_import_dropped():
    code = "from typing import List, Optional\n\nx: Optional[List[int]] = None\n"
    assert fix_source(code, FIXABLE) == "\nx: list[int] | None = None\n"


def test_fix_source_changes_only_what_a_check_flags():
    # `Union[...]` built at run time inside a function is not a finding, so it is not fixed.
    code = "from typing import Union\n\n\ndef f() -> None:\n    x = Union[int, str]\n"
    assert check_source(code, select=frozenset({"union-operator"})).findings == ()
    assert fix_source(code, FIXABLE) == code
