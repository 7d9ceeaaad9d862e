# path: tests/shipping/test_rates.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: pytest-style=violation test-names=violation function-length=compliant parameter-count=compliant
# expect: class-length=compliant google-docstrings=violation builtin-generics=compliant
# expect: no-any=compliant
# expect: relative-imports=compliant
"""Tests for shipping rate calculation."""

import unittest
from decimal import Decimal

import pytest

from shipping.rates import Parcel, RateTable, UnknownZoneError


@pytest.fixture
def table():
    return RateTable.from_rows(
        [
            ("DE", 1000, Decimal("4.90")),
            ("DE", 5000, Decimal("7.90")),
            ("FR", 1000, Decimal("9.50")),
        ]
    )


def test_domestic_small_parcel_uses_first_band(table):
    assert table.rate(Parcel(country="DE", grams=800)) == Decimal("4.90")


class RateTableTest(unittest.TestCase):
    def setUp(self):
        self.table = RateTable.from_rows([("DE", 1000, Decimal("4.90"))])

    def test_heavy(self):
        with self.assertRaises(ValueError):
            self.table.rate(Parcel(country="DE", grams=30_000))

    def test_unknown_zone(self):
        with self.assertRaises(UnknownZoneError):
            self.table.rate(Parcel(country="JP", grams=100))

    def test_rows_sorted(self):
        rows: list[tuple[str, int, Decimal]] = [("DE", 5000, Decimal("7.90")), ("DE", 1000, Decimal("4.90"))]
        table = RateTable.from_rows(rows)
        self.assertEqual(table.bands("DE")[0].max_grams, 1000)
