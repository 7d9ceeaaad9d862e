"""The `value-object-equality` check on realistic code: `__eq__` without `__hash__`."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "value-object-equality"


def judged(code: str) -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        """\
class EmailAddress:
    def __init__(self, value: str) -> None:
        self.value = value.lower()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EmailAddress) and self.value == other.value
""",
        [1],
        id="eq-only",
    ),
    param(
        """\
from dataclasses import dataclass


@dataclass
class Coordinates:
    latitude: float
    longitude: float

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Coordinates):
            return NotImplemented
        return round(self.latitude, 6) == round(other.latitude, 6)
""",
        [5],
        id="mutable-dataclass-custom-eq",
    ),
    param(
        """\
from decimal import Decimal


class Money:
    __slots__ = ("amount", "currency")

    def __init__(self, amount: Decimal, currency: str) -> None:
        self.amount = amount
        self.currency = currency

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return (self.amount, self.currency) == (other.amount, other.currency)

    def __lt__(self, other: "Money") -> bool:
        return self.amount < other.amount
""",
        [4],
        id="slots-and-ordering-no-hash",
    ),
]

COMPLIANT = [
    param(
        """\
class EmailAddress:
    def __init__(self, value: str) -> None:
        self.value = value.lower()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EmailAddress) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)
""",
        id="eq-and-hash",
    ),
    param(
        """\
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Money:
    amount: Decimal
    currency: str
""",
        id="frozen-dataclass",
    ),
    param(
        """\
class ShoppingCart:
    __hash__ = None

    def __init__(self) -> None:
        self.items: list[str] = []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ShoppingCart) and self.items == other.items
""",
        id="declared-unhashable",
    ),
]

NOT_APPLICABLE = [
    param(
        """\
from dataclasses import dataclass


@dataclass(slots=True)
class Order:
    order_id: str
    total_cents: int


class OrderService:
    def __init__(self, repository) -> None:
        self.repository = repository
""",
        id="no-equality-defined",
    ),
    param(
        """\
from typing import Protocol


class Comparable(Protocol):
    def __eq__(self, other: object) -> bool: ...

    def __lt__(self, other: object) -> bool: ...
""",
        id="protocol",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_value_object_equality_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_value_object_equality_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_value_object_equality_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)
