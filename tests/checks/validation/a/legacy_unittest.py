# path: tests/test_pricing.py
# expect: pytest-style=violation test-names=violation annotations=violation specific-imports=violation
# expect: docstrings=violation function-length=compliant parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
import unittest
from decimal import Decimal
from unittest import mock

from shop.pricing import PriceCalculator, TaxTable


class PriceCalculatorTest(unittest.TestCase):
    def setUp(self):
        self.taxes = TaxTable({"DE": Decimal("0.19"), "FR": Decimal("0.20")})
        self.calculator = PriceCalculator(self.taxes)

    def test_net(self):
        self.assertEqual(self.calculator.net(Decimal("100")), Decimal("100"))

    def test_gross_germany(self):
        self.assertEqual(self.calculator.gross(Decimal("100"), "DE"), Decimal("119.00"))

    def test_gross_unknown_country_raises(self):
        with self.assertRaises(KeyError):
            self.calculator.gross(Decimal("100"), "XX")

    def test_discount(self):
        price = self.calculator.discounted(Decimal("80"), percent=25)
        self.assertEqual(price, Decimal("60.00"))

    def test_discount_over_100_percent_rejected(self):
        with self.assertRaises(ValueError):
            self.calculator.discounted(Decimal("80"), percent=120)


class TaxTableTest(unittest.TestCase):
    def test_lookup(self):
        table = TaxTable({"DE": Decimal("0.19")})
        self.assertEqual(table.rate("DE"), Decimal("0.19"))

    @mock.patch("shop.pricing.fetch_remote_rates")
    def test_refresh_replaces_rates(self, fetch):
        fetch.return_value = {"DE": Decimal("0.07")}
        table = TaxTable({"DE": Decimal("0.19")})
        table.refresh()
        self.assertEqual(table.rate("DE"), Decimal("0.07"))
        fetch.assert_called_once()


if __name__ == "__main__":
    unittest.main()
