# path: src/accounts/values.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: dataclass-options=violation dataclass-frozen=violation dataclass-kw-only=violation
# expect: self-type=compliant raise-from=na f-strings=compliant class-length=compliant
# expect: no-any=compliant
"""Value objects for account data: e-mail addresses and display names."""

from dataclasses import dataclass
from typing import Self

__all__ = ["DisplayName", "EmailAddress"]


@dataclass(slots=True)
class EmailAddress:
    """A syntactically valid, lower-cased e-mail address."""

    value: str

    def __post_init__(self) -> None:
        """Normalise and validate the address.

        Raises:
            ValueError: If the address has no single `@` or no domain dot.
        """
        self.value = self.value.strip().lower()
        local, sep, domain = self.value.partition("@")
        if not sep or not local or "." not in domain or "@" in domain:
            raise ValueError(f"invalid e-mail address: {self.value!r}")

    @property
    def domain(self) -> str:
        """The part after the `@`."""
        return self.value.split("@", 1)[1]

    @classmethod
    def parse(cls, raw: str) -> Self:
        """Build an address from user input.

        Args:
            raw: The text as typed.

        Returns:
            The address.
        """
        return cls(raw)


@dataclass(slots=True, kw_only=True)
class DisplayName:
    """A name shown next to comments, trimmed to 64 characters."""

    first: str
    last: str = ""

    def __str__(self) -> str:
        """Join the parts the way the UI shows them."""
        full = f"{self.first} {self.last}".strip()
        return full if len(full) <= 64 else f"{full[:63]}…"
