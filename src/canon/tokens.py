"""The one token estimator: canon counts tokens without a tokenizer, four characters each."""

from __future__ import annotations

__all__ = ["CHARS_PER_TOKEN", "estimate_tokens", "tokens_for_chars"]

CHARS_PER_TOKEN = 4


def tokens_for_chars(chars: int) -> int:
    """Estimate the tokens of a text of `chars` characters, rounded up.

    Args:
        chars: The text's length in characters.

    Returns:
        The estimate: 0 for no text, at least 1 otherwise.
    """
    return -(-chars // CHARS_PER_TOKEN)


def estimate_tokens(text: str) -> int:
    """Estimate a text's tokens: one per four characters, rounded up.

    Args:
        text: Any text.

    Returns:
        The estimate: 0 for an empty text, at least 1 otherwise.
    """
    return tokens_for_chars(len(text))
