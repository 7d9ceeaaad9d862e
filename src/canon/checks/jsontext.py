"""JSON text for users: orjson, indented, escaped to ASCII as `json.dumps` writes it."""

from __future__ import annotations

from re import compile as re_compile

from orjson import OPT_INDENT_2, dumps

__all__ = ["json_text"]

_NON_ASCII = re_compile(r"[^\x00-\x7f]")


def _escape(character: str) -> str:
    """The JSON escape of one character (a surrogate pair past the basic plane), as `json`."""
    code = ord(character)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"


def json_text(document: object) -> str:
    """Serialise plain data as indented JSON with a final newline.

    The text is byte for byte what `json.dumps(document, indent=2)` writes: keys in insertion
    order, non-ASCII characters escaped, so it is safe on any terminal encoding.

    Args:
        document: Dicts (string keys), lists, tuples, strings, numbers, booleans and None.

    Returns:
        The JSON text.
    """
    text = dumps(document, option=OPT_INDENT_2).decode()
    return _NON_ASCII.sub(lambda match: _escape(match.group()), text) + "\n"
