# path: src/api/pagination.py
# expect: pep695-generics=violation docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant union-operator=violation builtin-generics=compliant
# expect: abc-imports=compliant self-type=na repr=compliant function-length=compliant parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant no-any=compliant
# expect: wildcard-import=compliant relative-imports=compliant
"""Cursor pagination for list endpoints."""

from base64 import urlsafe_b64decode, urlsafe_b64encode
from collections.abc import Sequence
from typing import Generic, Optional, TypeVar

from pydantic import BaseModel

__all__ = ["Page", "decode_cursor", "encode_cursor", "paginate"]

ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    """One page of a listing.

    Attributes:
        items: The page's items.
        next_cursor: Pass it back to get the next page; None on the last page.
    """

    items: list[ItemT]
    next_cursor: Optional[str] = None


def encode_cursor(offset: int) -> str:
    """Turn an offset into an opaque cursor.

    Args:
        offset: Items to skip.

    Returns:
        The cursor.
    """
    return urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """Read the offset back out of a cursor.

    Args:
        cursor: A cursor from `encode_cursor`, or None for the first page.

    Returns:
        The offset.

    Raises:
        ValueError: The cursor was not made by `encode_cursor`.
    """
    if cursor is None:
        return 0
    text = urlsafe_b64decode(cursor.encode()).decode()
    if not text.startswith("o:"):
        raise ValueError("bad cursor")
    return int(text[2:])


def paginate(items: Sequence[ItemT], cursor: str | None, size: int = 50) -> Page[ItemT]:
    """Cut one page out of a sequence.

    Args:
        items: Every item.
        cursor: Where the page starts.
        size: Items per page.

    Returns:
        The page.
    """
    offset = decode_cursor(cursor)
    chunk = list(items[offset : offset + size])
    more = offset + size < len(items)
    return Page[ItemT](items=chunk, next_cursor=encode_cursor(offset + size) if more else None)
