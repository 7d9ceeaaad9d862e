"""The `parametrize` check on realistic code: tests looping over tables of cases."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "parametrize"


def judged(code: str) -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, path="tests/test_pricing.py", select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        """\
from shop.validation import is_valid_email


def test_is_valid_email_rejects_malformed_addresses():
    for address in ["", "no-at-sign", "two@@signs.com", "trailing@dot."]:
        assert not is_valid_email(address)
""",
        [5],
        id="list-of-inputs",
    ),
    param(
        """\
from shop.pricing import shipping_cost

CASES = {
    "EU": 499,
    "US": 999,
    "JP": 1299,
}


def test_shipping_cost_by_region_matches_table():
    for region, expected in CASES.items():
        cost = shipping_cost(region, weight_grams=500)
        assert cost == expected, region
""",
        [11],
        id="module-constant-dict-items",
    ),
    param(
        """\
import unittest

from shop.slugs import slugify


class TestSlugify(unittest.TestCase):
    def test_slugify_mixed_text_normalised(self):
        for text, expected in zip(
            ("Hello World", "  Trim  ", "Crème brûlée"), ("hello-world", "trim", "creme-brulee")
        ):
            self.assertEqual(slugify(text), expected)
""",
        [8],
        id="zip-of-tuples-in-class",
    ),
]

COMPLIANT = [
    param(
        """\
import pytest

from shop.validation import is_valid_email


@pytest.mark.parametrize("address", ["", "no-at-sign", "two@@signs.com", "trailing@dot."])
def test_is_valid_email_malformed_rejected(address: str):
    assert not is_valid_email(address)
""",
        id="parametrize",
    ),
    param(
        """\
from pytest import mark, param

from shop.pricing import shipping_cost


@mark.parametrize(("region", "expected"), [param("EU", 499), param("US", 999)])
def test_shipping_cost_by_region_matches_table(region: str, expected: int):
    assert shipping_cost(region, weight_grams=500) == expected
""",
        id="mark-imported-from-pytest",
    ),
    param(
        """\
import pytest


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request):
    return make_backend(request.param)
""",
        id="fixture-params",
    ),
]

NOT_APPLICABLE = [
    param(
        """\
def test_export_writes_every_order(tmp_path):
    orders = export_orders(tmp_path)
    for order in orders:
        assert order.path.exists()
""",
        id="loop-over-computed-results",
    ),
    param(
        """\
def test_report_lists_sections(report):
    for heading in ("Summary", "Details"):
        assert heading in report.text


def build_fixtures():
    for name in ["a", "b"]:
        assert make(name)
""",
        id="no-call-with-the-case-and-not-a-test",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_parametrize_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_parametrize_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_parametrize_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)
