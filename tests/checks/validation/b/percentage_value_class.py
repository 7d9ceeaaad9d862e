# path: src/pricing/percentage.py
# expect: module-length=compliant docstrings=violation specific-imports=compliant annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: repr=violation self-type=violation class-length=compliant f-strings=violation raise-from=violation
# expect: bare-except=compliant union-operator=violation dataclass-frozen=violation dataclass-options=violation
# expect: dataclass-kw-only=violation
# expect: no-any=compliant
# expect: value-object-equality=compliant
"""Percentages used for discounts and tax rates."""

from decimal import Decimal, InvalidOperation
from typing import Union


class Percentage:
    """A percentage between 0 and 100, stored exactly."""

    __slots__ = ("_value",)

    def __init__(self, value: Union[str, int, Decimal]):
        try:
            self._value = Decimal(value)
        except InvalidOperation:
            raise ValueError("not a number: %r" % (value,))
        if not Decimal(0) <= self._value <= Decimal(100):
            raise ValueError("percentage out of range: {}".format(self._value))

    @classmethod
    def from_fraction(cls, fraction) -> "Percentage":
        return cls(Decimal(fraction) * 100)

    @property
    def fraction(self) -> Decimal:
        return self._value / 100

    def apply(self, amount: Decimal) -> Decimal:
        """Return the percentage of an amount, rounded to cents."""
        return (amount * self.fraction).quantize(Decimal("0.01"))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Percentage) and self._value == other._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __str__(self) -> str:
        return f"{self._value.normalize()}%"
