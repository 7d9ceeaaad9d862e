"""Read the frontmatter of instruction files leniently, as people write it.

Real files hold what strict YAML rejects (`globs: *.py`, `applyTo: **/*.py`), empty keys,
keys no tool knows, and brace globs whose commas are not separators. This reader takes
`key: value` lines, values continued on indented lines, `- item` lists (indented or not),
flow lists and block scalars; it unquotes single- and double-quoted values, and never splits
a glob list inside braces.
"""

from __future__ import annotations

from dataclasses import dataclass
from re import compile as regex

from orjson import JSONDecodeError, loads

__all__ = [
    "Frontmatter",
    "MetaFields",
    "meta_fields",
    "parse_fields",
    "split_frontmatter",
    "split_globs",
]

type Value = str | tuple[str, ...]

_FENCE = regex(r"---[ \t]*\n")
_KEY = regex(r"^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$")
_ITEM = regex(r"^[ \t]*-[ \t]+(.*?)[ \t]*$")
_BLOCK = regex(r"^([|>])([+-]?)[1-9]?([+-]?)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Frontmatter:
    """A file's frontmatter: its exact text and the keys read from it.

    Attributes:
        raw: From the opening `---` to the closing one, and the blank lines after it.
        fields: Each key with its value (unquoted), in order; None when the lines do not read
            as simple `key: value` pairs.
    """

    raw: str
    fields: dict[str, Value] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MetaFields:
    """What a standard's metadata takes from frontmatter."""

    applies_to: tuple[str, ...] = ()
    description: str = ""
    extra: dict[str, Value] | None = None


def split_frontmatter(text: str) -> tuple[Frontmatter | None, str]:
    """Split a file into its frontmatter and its body.

    Args:
        text: The whole file.

    Returns:
        The frontmatter (None without one) and the body after it.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    if not _FENCE.match(text, len(bom)):
        return None, text
    lines = text.splitlines(keepends=True)
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t\n") == "---" and lines[index].endswith("\n"):
            end = index + 1
            while end < len(lines) and not lines[end].strip(" \t\n") and lines[end].endswith("\n"):
                end += 1
            raw = "".join(lines[:end])
            fields = parse_fields("".join(lines[1:index]))
            return Frontmatter(raw=raw, fields=fields), text[len(raw) :]
    return None, text


def parse_fields(inner: str) -> dict[str, Value] | None:
    """Read `key: value` lines leniently, with the value forms assistants accept.

    A value may be a plain or quoted string (continued on indented lines), a flow list
    (`[a, b]`), a block list (`- item` lines, indented or not) or a block scalar (`|` or `>`).

    Args:
        inner: The lines between the fences.

    Returns:
        The keys and values, or None when a line is none of these or a key repeats.
    """
    entries = _entries(inner.splitlines())
    if entries is None:
        return None
    fields: dict[str, Value] = {}
    for key, first, rest in entries:
        value = _entry_value(first, rest)
        if value is None or key in fields:
            return None
        fields[key] = value
    return fields


def _entries(lines: list[str]) -> list[tuple[str, str, list[str]]] | None:
    """Group lines by key: each key's first value and the lines that continue it."""
    entries: list[tuple[str, str, list[str]]] = []
    for line in lines:
        key = None if line[:1].isspace() else _KEY.match(line)
        if key is not None:
            entries.append((key[1], key[2] or "", []))
        elif entries and (line[:1].isspace() or not line.strip() or _ITEM.match(line)):
            entries[-1][2].append(line)
        elif line.strip() and not line.startswith("#"):
            return None
    return entries


def _entry_value(first: str, rest: list[str]) -> Value | None:
    block = _BLOCK.match(first)
    if block is not None:
        return _block_scalar(block[1], block[2] or block[3], rest)
    content = [line.strip() for line in rest if line.strip() and not line.lstrip().startswith("#")]
    items = [_ITEM.match(line) for line in content]
    if content and all(items):
        return tuple(_unquote(item[1]) for item in items if item) if not first else None
    if any(items):
        return None
    return _value(" ".join([first, *content]).strip())


def _block_scalar(style: str, chomp: str, rest: list[str]) -> str:
    """A `|` (literal) or `>` (folded) block scalar's text, chomped as YAML says."""
    filled = [line for line in rest if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in filled), default=0)
    lines = [line[indent:] if line.strip() else "" for line in rest]
    trailing = 0
    while trailing < len(lines) and not lines[-1 - trailing]:
        trailing += 1
    lines = lines[: len(lines) - trailing]
    if style == "|":
        text = "\n".join(lines)
    else:
        text = "\n".join(" ".join(part.split("\n")) for part in "\n".join(lines).split("\n\n"))
    if not filled or chomp == "-":
        return text
    return text + "\n" * (1 + trailing if chomp == "+" else 1)


def _value(text: str) -> Value:
    if text.startswith("[") and text.endswith("]"):
        return tuple(_unquote(part.strip()) for part in _split_top(text[1:-1]) if part.strip())
    return _unquote(text)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        try:
            return str(loads(text))
        except JSONDecodeError:
            return text[1:-1]
    return text


def _split_top(text: str) -> list[str]:
    """Split on commas outside braces, brackets and quotes."""
    parts: list[str] = []
    depth = 0
    quote = ""
    start = 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def split_globs(value: Value) -> tuple[str, ...]:
    """Read a glob value: a list, or one string of globs joined by commas (not inside braces).

    Args:
        value: The frontmatter value.

    Returns:
        The globs, stripped of surrounding spaces.
    """
    parts = value if isinstance(value, tuple) else _split_top(value)
    return tuple(part.strip() for part in parts if part.strip())


def meta_fields(glob_key: str, fields: dict[str, Value] | None) -> MetaFields:
    """Map frontmatter keys to a standard's metadata for one format.

    Args:
        glob_key: The key the format keeps its globs under (its target's `glob_key`; empty
            for none).
        fields: The frontmatter's keys, or None when unreadable.

    Returns:
        The globs, description and every other key.
    """
    if fields is None:
        return MetaFields(extra={})
    remaining = dict(fields)
    globs = split_globs(remaining.pop(glob_key)) if glob_key and glob_key in remaining else ()
    description = remaining.pop("description", "")
    if isinstance(description, tuple):
        remaining["description"] = description
        description = ""
    return MetaFields(applies_to=globs, description=description, extra=remaining)
