# path: tests/pricing/test_rules.py
# expect: annotations=violation docstrings=violation parametrize=violation pytest-asyncio=violation
# expect: specific-imports=violation async-blocking=compliant function-length=compliant
# expect: module-length=compliant no-star-args=compliant parameter-count=compliant
# expect: pytest-style=compliant relative-imports=compliant test-names=compliant
# expect: type-checking-imports=compliant wildcard-import=compliant
from decimal import Decimal

import pytest

from pricing.rules import PriceRule, apply_rules, bulk_discount, round_price
from pricing.service import PricingService


def test_round_price_rounds_half_up():
    for raw, expected in [("1.005", "1.01"), ("2.344", "2.34"), ("0.125", "0.13")]:
        assert round_price(Decimal(raw)) == Decimal(expected)


def test_bulk_discount_by_quantity():
    cases = [(1, Decimal("0")), (10, Decimal("0.05")), (100, Decimal("0.10"))]
    for quantity, expected in cases:
        assert bulk_discount(quantity) == expected


def test_apply_rules_without_rules_keeps_price():
    assert apply_rules(Decimal("10.00"), []) == Decimal("10.00")


def test_apply_rules_applies_in_order():
    rules = [PriceRule(kind="percent", value=Decimal("10")), PriceRule(kind="fixed", value=Decimal("1"))]
    assert apply_rules(Decimal("20.00"), rules) == Decimal("17.00")


@pytest.fixture
def service():
    return PricingService(rules=[PriceRule(kind="percent", value=Decimal("5"))])


async def test_quote_applies_rules(service):
    quote = await service.quote(sku="ABC-1", quantity=2)
    assert quote.total == Decimal("19.00")


async def test_quote_rejects_zero_quantity(service):
    with pytest.raises(ValueError, match="quantity"):
        await service.quote(sku="ABC-1", quantity=0)
