# path: src/billing/money.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: self-type=compliant raise-from=compliant bare-except=compliant f-strings=compliant
# expect: class-length=compliant no-any=compliant
# expect: builtin-generics=compliant
# expect: comprehensions=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Money as an immutable amount in one currency."""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Self

__all__ = ["CurrencyMismatchError", "Money"]


class CurrencyMismatchError(ValueError):
    """Two amounts in different currencies were combined."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Money:
    """An amount of money, exact to the cent."""

    amount: Decimal
    currency: str

    @classmethod
    def parse(cls, text: str, currency: str) -> Self:
        """Parse an amount written as text.

        Args:
            text: The amount, like "12.50".
            currency: The ISO 4217 code.

        Returns:
            The amount, rounded to cents.

        Raises:
            ValueError: If the text is not a number.
        """
        try:
            value = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {text!r}") from exc
        return cls(amount=value.quantize(Decimal("0.01"), ROUND_HALF_EVEN), currency=currency)

    def __add__(self, other: "Money") -> "Money":
        """Add two amounts in the same currency."""
        self._same_currency(other)
        return Money(amount=self.amount + other.amount, currency=self.currency)

    def __sub__(self, other: "Money") -> "Money":
        """Subtract an amount in the same currency."""
        self._same_currency(other)
        return Money(amount=self.amount - other.amount, currency=self.currency)

    def allocate(self, parts: int) -> list["Money"]:
        """Split into parts that differ by at most one cent.

        Args:
            parts: How many parts, at least one.

        Returns:
            The parts; they add up to this amount.
        """
        cents = int(self.amount * 100)
        base, remainder = divmod(cents, parts)
        shares = [base + (1 if index < remainder else 0) for index in range(parts)]
        return [Money(amount=Decimal(share) / 100, currency=self.currency) for share in shares]

    def _same_currency(self, other: "Money") -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(f"{self.currency} vs {other.currency}")
