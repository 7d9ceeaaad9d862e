"""Markdown to blocks and sections, keeping every byte: what canon cannot read stays verbatim.

The body is cut into chunks: headings, fenced code (an unclosed fence runs to the end), and
runs of lines between blank lines. Each chunk becomes blocks (list entries become rules,
a fenced block becomes code, the rest paragraphs or verbatim Markdown) only when those blocks
render back to exactly the chunk; otherwise the chunk is kept as one verbatim block. The blank
space between chunks is recorded wherever it differs from canon's usual layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from hashlib import sha1
from re import compile as regex
from re import findall
from typing import TYPE_CHECKING

from pydantic import ValidationError

from canon.compiler.markdown import render_body
from canon.standards.model import (
    Code,
    CodeBlock,
    HorizontalRule,
    ListItem,
    MarkdownBlock,
    Paragraph,
    Rule,
    RuleItem,
    Section,
)

if TYPE_CHECKING:
    from re import Match

    from canon.standards.model import Block

__all__ = ["Parsed", "parse_body"]

_HEADING = regex(r"^(#{1,6}) (.*\S.*)$")
_FENCE = regex(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_MARKER = regex(r"^([-*+]|[0-9]{1,9}[.)]) (.*)$")
_VERBATIM = regex(r"^\s*(<|\||>|\[\^?[^\]]*\]:)")
_FENCE_OPEN = regex(r"^(`{3,}|~{3,})")
_FENCE_INFO = regex(r"^(`{3,}|~{3,})(.*)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Parsed:
    """A body read into canon's structure.

    Attributes:
        title: The level-1 heading opening the body; empty without one.
        intro: The blocks before the first section.
        sections: The sections, in order.
    """

    title: str = ""
    intro: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class _Ids:
    """Stable, unique ids derived from text."""

    seen: set[str] = field(default_factory=set)

    def make(self, text: str, fallback: str) -> str:
        """A new id made of the text's first words, made unique by a hash or a counter."""
        words = findall(r"[a-z0-9]+", text.lower())[:8]
        base = "-".join(words)[:60].strip("-") or fallback
        candidate = base
        if candidate in self.seen:
            candidate = f"{base}-{sha1(text.encode()).hexdigest()[:6]}"  # noqa: S324
        counter = 2
        while candidate in self.seen:
            candidate = f"{base}-{counter}"
            counter += 1
        self.seen.add(candidate)
        return candidate


def _chunks(content: str) -> list[tuple[str, str]]:
    """Cut the body into (space before, text) chunks."""
    chunks: list[tuple[str, str]] = []
    current: list[str] = []
    blanks: list[str] = []
    fence: str | None = None
    for line in content.split("\n"):
        if fence is None and not line.strip():
            if current:
                chunks.append(("", "\n".join(current)))
                current = []
            blanks.append(line)
            continue
        heading = fence is None and bool(_HEADING.match(line))
        if heading and current:
            chunks.append(("", "\n".join(current)))
            current = []
        if not current:
            space = "\n" + "".join(blank + "\n" for blank in blanks)
            chunks.append((space, ""))
            blanks = []
        current.append(line)
        fence = _next_fence(line, fence)
        if heading:
            chunks.append(("", "\n".join(current)))
            current = []
    if current:
        chunks.append(("", "\n".join(current)))
    return _pair(chunks)


def _pair(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join the space markers with the text that follows them."""
    paired: list[tuple[str, str]] = []
    space = ""
    for gap, text in raw:
        if gap:
            space = gap
            continue
        paired.append((space, text))
        space = ""
    return paired


def _next_fence(line: str, fence: str | None) -> str | None:
    match = _FENCE.match(line.lstrip(" "))
    if fence is None:
        return match[1] if match else None
    stripped = line.strip()
    if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
        return None
    return fence


def _render(blocks: list[Block]) -> str:
    return render_body("", (), intro=blocks, ending="")


def _blocks(text: str, ids: _Ids) -> list[Block]:
    """Read one chunk, keeping it verbatim unless the blocks give it back exactly."""
    try:
        blocks = _structured(text, ids)
    except (ValidationError, ValueError):
        blocks = None
    if blocks and _render(blocks) == text:
        return blocks
    return [MarkdownBlock(markdown=text)]


def _structured(text: str, ids: _Ids) -> list[Block] | None:
    lines = text.split("\n")
    single = _single(text, lines)
    if single is not None:
        return [single]
    blocks: list[Block] = []
    for kind, segment in _segments(lines):
        if kind == "list":
            new = _entries(segment, ids)
        elif kind == "code":
            code = _code(segment)
            new = [code] if code is not None else None
        else:
            new = [Paragraph(paragraph="\n".join(segment))]
        if new is None:
            return None
        if blocks:
            new[0] = new[0].model_copy(update={"space_before": "\n"})
        blocks.extend(new)
    return blocks


def _segments(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Split a chunk into runs on consecutive lines: lists, fenced code, other text."""
    segments: list[tuple[str, list[str]]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE_OPEN.match(line):
            end, kind = _fence_end(lines, index), "code"
        elif _MARKER.match(line):
            end, kind = index + 1, "list"
            while end < len(lines) and (_MARKER.match(lines[end]) or lines[end][:1] in " \t"):
                end += 1
        else:
            end, kind = index + 1, "text"
            while end < len(lines) and not _starts_block(lines[end]):
                end += 1
        segments.append((kind, lines[index:end]))
        index = end
    return segments


def _starts_block(line: str) -> bool:
    return bool(_MARKER.match(line) or _FENCE_OPEN.match(line))


def _single(text: str, lines: list[str]) -> Block | None:
    """A chunk that is one block: a thematic break, fenced code, a table, HTML, a quote."""
    if text in ("---", "***", "___"):
        return HorizontalRule(hr=text)
    code = _code(lines)
    if code is not None:
        return code
    return MarkdownBlock(markdown=text) if _VERBATIM.match(text) else None


def _code(lines: list[str]) -> Code | None:
    match = _FENCE_INFO.match(lines[0])
    if match is None or len(lines) < 2 or lines[-1] != match[1]:
        return None
    inner = "\n".join(lines[1:-1])
    body = inner + "\n" if len(lines) > 2 else ""
    return Code(code=CodeBlock(text=body, lang=match[2], fence=match[1]))


def _entries(lines: list[str], ids: _Ids) -> list[Block] | None:
    """Read list entries at column 0, their nested lines as children."""
    entries: list[Block] = []
    index = 0
    while index < len(lines):
        match = _MARKER.match(lines[index])
        if match is None:
            return None
        marker, text = match[1], match[2]
        indent = _nested_indent(lines[index + 1 : index + 2], marker)
        end = index + 1
        while end < len(lines) and (lines[end].startswith(indent) or not lines[end]):
            end += 1
        nested = [line[len(indent) :] for line in lines[index + 1 : end]]
        children = _children(nested, ids) if nested else []
        if children is None:
            return None
        rule = Rule(id=ids.make(text, "rule"), text=text)
        usual = indent == " " * (len(marker) + 1)
        entries.append(
            RuleItem(
                marker=marker,
                rule=rule,
                children=tuple(children),
                **({} if usual else {"indent": indent}),
            )
        )
        index = end
    return entries


def _nested_indent(following: list[str], marker: str) -> str:
    """How the lines under an entry are indented: as the next line is, or by the marker."""
    line = following[0] if following else ""
    if line.startswith("\t"):
        return "\t"
    spaces = len(line) - len(line.lstrip(" "))
    return " " * spaces if 0 < spaces <= 12 else " " * (len(marker) + 1)


def _children(lines: list[str], ids: _Ids) -> list[Block] | None:
    """Nested blocks sit on consecutive lines: entries, fenced code, other lines verbatim."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _MARKER.match(line):
            end = index + 1
            while end < len(lines) and not _MARKER.match(lines[end]) and lines[end][:1] in " \t":
                end += 1
            entries = _entries(lines[index:end], ids)
            if entries is None:
                return None
            blocks.extend(entries)
        elif _FENCE.match(line) and not line.startswith(" "):
            end = _fence_end(lines, index)
            code = _code(lines[index:end])
            blocks.append(
                code if code is not None else Paragraph(paragraph="\n".join(lines[index:end]))
            )
        else:
            end = index + 1
            blocks.append(Paragraph(paragraph=line) if line else MarkdownBlock(markdown=line))
        index = end
    return blocks


def _fence_end(lines: list[str], start: int) -> int:
    fence = _FENCE.match(lines[start])
    mark = fence[1] if fence else "```"
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped and set(stripped) == {mark[0]} and len(stripped) >= len(mark):
            return index + 1
    return len(lines)


def parse_body(content: str) -> Parsed:
    """Read a body (without its ending) into a title, intro blocks and sections.

    Args:
        content: The Markdown after the frontmatter, without the trailing blank space.

    Returns:
        The structure; rendering it gives `content` back, or the caller falls back.
    """
    builder = _Builder()
    for index, (space, text) in enumerate(_chunks(content)):
        heading = _HEADING.match(text) if "\n" not in text else None
        if index == 0 and heading and len(heading[1]) == 1:
            builder.title = heading[2]
        elif heading and len(heading[1]) > 1:
            builder.heading(heading, space)
        else:
            # nothing comes before the first block: no space to keep
            builder.add(_blocks(text, builder.ids), "" if index == 0 else space)
    builder.close()
    return Parsed(title=builder.title, intro=tuple(builder.intro), sections=tuple(builder.sections))


@dataclass(slots=True, kw_only=True)  # canon: ignore[dataclass-frozen, dataclass-options] builder
class _Builder:
    """Collects blocks into the intro and sections, recording unusual spacing.

    Mutable on purpose (not frozen): each heading replaces the current section.
    """

    title: str = ""
    intro: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    ids: _Ids = field(default_factory=_Ids)
    section_ids: _Ids = field(default_factory=_Ids)
    current: Section | None = None
    blocks: list[Block] = field(default_factory=list)

    def heading(self, heading: Match[str], space: str) -> None:
        """Close the current section and open the one a heading starts."""
        self.close()
        self.current = Section(
            title=heading[2],
            level=len(heading[1]),
            id=self.section_ids.make(heading[2], "section"),
            space_before=None if space in ("", "\n\n") else space,
        )
        self.blocks = []

    def add(self, new: list[Block], space: str) -> None:
        """Add blocks, recording the space before them when it is not the usual one."""
        previous = self.blocks[-1] if self.blocks else None
        entries = RuleItem | ListItem
        default = "\n" if isinstance(previous, entries) and isinstance(new[0], entries) else "\n\n"
        if space and space != default:
            if not self.blocks and self.current is not None:
                self.current = self.current.model_copy(update={"space_after_heading": space})
            else:
                new[0] = new[0].model_copy(update={"space_before": space})
        self.blocks.extend(new)

    def close(self) -> None:
        """Put the blocks collected so far into the intro or the current section."""
        if self.current is None:
            self.intro.extend(self.blocks)
        else:
            self.sections.append(self.current.model_copy(update={"blocks": tuple(self.blocks)}))
        self.blocks = []
