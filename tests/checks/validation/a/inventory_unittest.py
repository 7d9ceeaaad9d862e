# path: tests/warehouse/test_picking.py
# expect: pytest-style=violation test-names=violation annotations=violation specific-imports=violation
# expect: docstrings=compliant function-length=compliant parameter-count=compliant module-length=compliant
# expect: class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
"""Bin picking and reorder calculations of the warehouse."""

import unittest
from decimal import Decimal

from warehouse.inventory import InsufficientStock, abc_class, pick_bins, reorder_quantity


class PickBinsTest(unittest.TestCase):
    """Which bins a pick takes units from."""

    def test_single_bin(self):
        self.assertEqual(pick_bins({"A1": 10}, 4), [("A1", 4)])

    def test_smallest_bin_emptied_first(self):
        self.assertEqual(pick_bins({"A1": 10, "B2": 3}, 5), [("B2", 3), ("A1", 2)])

    def test_not_enough(self):
        with self.assertRaises(InsufficientStock):
            pick_bins({"A1": 1}, 2)


class ReorderTest(unittest.TestCase):
    """How much to reorder."""

    def test_enough_stock(self):
        self.assertEqual(reorder_quantity(100, 2.0, lead_days=5), 0)

    def test_reorder_covers_lead_and_safety_days(self):
        self.assertEqual(reorder_quantity(10, 2.0, lead_days=5, safety_days=5), 10)


class AbcClassTest(unittest.TestCase):
    """ABC classification by stock value."""

    def test_classes(self):
        values = {"a": Decimal("80"), "b": Decimal("15"), "c": Decimal("5")}
        self.assertEqual(abc_class(values), {"a": "A", "b": "B", "c": "C"})

    def test_empty_total(self):
        self.assertEqual(abc_class({"a": Decimal("0")}), {"a": "C"})


if __name__ == "__main__":
    unittest.main()
