# path: tests/billing/test_money.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: pytest-style=compliant test-names=compliant function-length=compliant parameter-count=compliant
# expect: google-docstrings=compliant
# expect: builtin-generics=compliant
# expect: comprehensions=compliant
# expect: no-any=compliant
# expect: relative-imports=compliant
# expect: parametrize=compliant
"""Tests for the Money value object."""

from decimal import Decimal

from pytest import fixture, mark, raises

from billing.money import CurrencyMismatchError, Money


@fixture
def ten_euros() -> Money:
    """Ten euros.

    Returns:
        The amount.
    """
    return Money(amount=Decimal("10.00"), currency="EUR")


def test_parse_valid_text_rounds_to_cents() -> None:
    assert Money.parse("12.345", "EUR").amount == Decimal("12.34")


def test_parse_garbage_raises_value_error() -> None:
    with raises(ValueError, match="not an amount"):
        Money.parse("twelve", "EUR")


def test_add_same_currency_sums_amounts(ten_euros: Money) -> None:
    total = ten_euros + Money(amount=Decimal("2.50"), currency="EUR")
    assert total == Money(amount=Decimal("12.50"), currency="EUR")


def test_add_other_currency_raises_mismatch(ten_euros: Money) -> None:
    with raises(CurrencyMismatchError):
        ten_euros + Money(amount=Decimal("1.00"), currency="USD")


@mark.parametrize(
    ("parts", "expected"),
    [
        (1, ["10.00"]),
        (3, ["3.34", "3.33", "3.33"]),
        (4, ["2.50", "2.50", "2.50", "2.50"]),
    ],
)
def test_allocate_uneven_split_spreads_remainder(
    ten_euros: Money, parts: int, expected: list[str]
) -> None:
    shares = ten_euros.allocate(parts)
    assert [share.amount for share in shares] == [Decimal(value) for value in expected]
    assert sum((share.amount for share in shares), Decimal(0)) == ten_euros.amount
