# path: tests/shop/test_pricing.py
# expect: pytest-style=compliant test-names=compliant annotations=compliant specific-imports=compliant
# expect: docstrings=compliant function-length=compliant parameter-count=compliant google-docstrings=compliant repr=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: parametrize=compliant
"""Prices: net, gross with VAT, and discounts."""

from decimal import Decimal

from pytest import fixture, mark, raises

from shop.pricing import PriceCalculator, TaxTable


@fixture
def calculator() -> PriceCalculator:
    """A calculator with German and French VAT."""
    return PriceCalculator(TaxTable({"DE": Decimal("0.19"), "FR": Decimal("0.20")}))


def test_gross_german_customer_adds_19_percent(calculator: PriceCalculator) -> None:
    assert calculator.gross(Decimal("100"), "DE") == Decimal("119.00")


def test_gross_unknown_country_raises_key_error(calculator: PriceCalculator) -> None:
    with raises(KeyError):
        calculator.gross(Decimal("100"), "XX")


@mark.parametrize(
    ("price", "percent", "expected"),
    [
        (Decimal("80"), 25, Decimal("60.00")),
        (Decimal("19.99"), 10, Decimal("17.99")),
        (Decimal("5"), 0, Decimal("5.00")),
    ],
)
def test_discounted_valid_percent_rounds_to_cents(
    calculator: PriceCalculator, price: Decimal, percent: int, expected: Decimal
) -> None:
    assert calculator.discounted(price, percent=percent) == expected


def test_discounted_over_100_percent_raises_value_error(calculator: PriceCalculator) -> None:
    with raises(ValueError, match="percent"):
        calculator.discounted(Decimal("80"), percent=120)


def test_net_any_price_returns_price_unchanged(calculator: PriceCalculator) -> None:
    assert calculator.net(Decimal("42.10")) == Decimal("42.10")


class TestTaxTable:
    """The tax table's lookups and refresh."""

    def test_rate_known_country_returns_rate(self) -> None:
        assert TaxTable({"DE": Decimal("0.19")}).rate("DE") == Decimal("0.19")

    def test_rate_lowercase_code_is_normalised(self) -> None:
        assert TaxTable({"DE": Decimal("0.19")}).rate("de") == Decimal("0.19")
