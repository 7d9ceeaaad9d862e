# path: src/notifications/message.py
# expect: self-type=compliant docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant union-operator=compliant repr=compliant
# expect: function-length=compliant parameter-count=compliant f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""A fluent builder for notification messages."""

from typing import Self

__all__ = ["MessageBuilder"]


class MessageBuilder:
    """Collects a message's parts; methods return the builder for chaining."""

    def __init__(self) -> None:
        """Start an empty message."""
        self._to: list[str] = []
        self._subject = ""
        self._lines: list[str] = []

    def __repr__(self) -> str:
        """Show recipients and subject.

        Returns:
            `MessageBuilder(to=..., subject=...)`.
        """
        return f"MessageBuilder(to={self._to!r}, subject={self._subject!r})"

    def to(self, address: str) -> Self:
        """Add a recipient.

        Args:
            address: An e-mail address.

        Returns:
            This builder.
        """
        self._to.append(address)
        return self

    def subject(self, text: str) -> Self:
        """Set the subject.

        Args:
            text: The subject line.

        Returns:
            This builder.
        """
        self._subject = text
        return self

    def line(self, text: str) -> Self:
        """Append a line to the body.

        Args:
            text: The line.

        Returns:
            This builder.
        """
        self._lines.append(text)
        return self

    def build(self) -> dict[str, str | list[str]]:
        """The message as the mail API expects it.

        Returns:
            Recipients, subject and body.

        Raises:
            ValueError: No recipient was given.
        """
        if not self._to:
            raise ValueError("a message needs a recipient")
        return {"to": list(self._to), "subject": self._subject, "body": "\n".join(self._lines)}
