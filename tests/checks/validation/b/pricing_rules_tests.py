# path: tests/pricing/test_discounts.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: pytest-style=compliant test-names=compliant function-length=compliant parameter-count=compliant
# expect: timezone-aware=compliant no-pytz=compliant
# expect: no-any=compliant
# expect: relative-imports=compliant
# expect: parametrize=compliant
"""Tests for discount rules: percentage, bulk and happy-hour discounts."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from pytest import mark, param, raises

from pricing.discounts import BulkDiscount, HappyHour, PercentageOff, best_discount

BERLIN = ZoneInfo("Europe/Berlin")


def test_percentage_off_ten_percent_reduces_price() -> None:
    assert PercentageOff(Decimal(10)).apply(Decimal("50.00")) == Decimal("45.00")


def test_percentage_off_over_hundred_raises_value_error() -> None:
    with raises(ValueError, match="at most 100"):
        PercentageOff(Decimal(120))


@mark.parametrize(
    ("quantity", "expected"),
    [
        param(1, Decimal("10.00"), id="single"),
        param(10, Decimal("9.00"), id="threshold"),
        param(50, Decimal("9.00"), id="above"),
    ],
)
def test_bulk_discount_by_quantity_applies_from_threshold(quantity: int, expected: Decimal) -> None:
    rule = BulkDiscount(threshold=10, percent=Decimal(10))
    assert rule.unit_price(Decimal("10.00"), quantity) == expected


def test_happy_hour_inside_window_discounts() -> None:
    rule = HappyHour(start_hour=17, end_hour=19, percent=Decimal(20), zone=BERLIN)
    moment = datetime(2024, 6, 7, 17, 30, tzinfo=BERLIN)
    assert rule.apply(Decimal("10.00"), moment) == Decimal("8.00")


def test_happy_hour_outside_window_keeps_price() -> None:
    rule = HappyHour(start_hour=17, end_hour=19, percent=Decimal(20), zone=BERLIN)
    moment = datetime(2024, 6, 7, 16, 59, tzinfo=BERLIN)
    assert rule.apply(Decimal("10.00"), moment) == Decimal("10.00")


def test_best_discount_several_rules_picks_lowest_price() -> None:
    rules = [PercentageOff(Decimal(5)), BulkDiscount(threshold=2, percent=Decimal(15))]
    assert best_discount(rules, Decimal("100.00"), quantity=3) == Decimal("85.00")


def test_best_discount_no_rules_returns_list_price() -> None:
    assert best_discount([], Decimal("100.00"), quantity=1) == Decimal("100.00")
