# path: src/shop/domain/values.py
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant dataclass-options=compliant
# expect: docstrings=compliant google-docstrings=compliant dunder-all=compliant annotations=compliant
# expect: self-type=compliant raise-from=compliant specific-imports=compliant repr=compliant
# expect: function-length=compliant parameter-count=compliant f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: value-object-equality=compliant
"""Value objects of the shop's domain: money, quantities and addresses."""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Self

__all__ = ["Address", "Money", "Quantity"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Money:
    """An amount in one currency.

    Attributes:
        amount: The amount, rounded to cents.
        currency: ISO 4217 code.
    """

    amount: Decimal
    currency: str

    @classmethod
    def parse(cls, text: str, currency: str) -> Self:
        """Read an amount such as `12.50`.

        Args:
            text: The amount.
            currency: Its currency.

        Returns:
            The money.

        Raises:
            ValueError: The text is not a number.
        """
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {text!r}") from exc
        return cls(amount=amount.quantize(Decimal("0.01"), ROUND_HALF_EVEN), currency=currency)

    def plus(self, other: Self) -> Self:
        """Add money of the same currency.

        Args:
            other: The amount to add.

        Returns:
            The sum.

        Raises:
            ValueError: The currencies differ.
        """
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return type(self)(amount=self.amount + other.amount, currency=self.currency)

    def times(self, factor: int) -> Self:
        """Multiply by a whole number.

        Args:
            factor: The multiplier.

        Returns:
            The product.
        """
        return type(self)(amount=self.amount * factor, currency=self.currency)


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A positive count of items.

    Attributes:
        value: The count.
    """

    value: int

    def __post_init__(self) -> None:
        """Refuse counts below one.

        Raises:
            ValueError: The count is below one.
        """
        if self.value < 1:
            raise ValueError("a quantity is at least 1")


@dataclass(frozen=True, slots=True, kw_only=True)
class Address:
    """A postal address.

    Attributes:
        street: Street and number.
        city: The city.
        postcode: The postcode.
        country: ISO 3166 alpha-2 code.
    """

    street: str
    city: str
    postcode: str
    country: str

    def one_line(self) -> str:
        """The address on one line, for labels.

        Returns:
            `street, postcode city, country`.
        """
        return f"{self.street}, {self.postcode} {self.city}, {self.country}"
