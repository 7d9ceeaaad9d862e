"""Render a standard's sections as Markdown, exactly as a person would have written them.

The layout is fixed so that output is byte-stable: headings and top-level blocks are separated
by one blank line (except a list that starts right under a tight section's heading), consecutive
list entries form one list with no blank line between them, and nested blocks sit under their
entry indented by the width of its marker. A block or section whose `space_before` (or a section
whose `space_after_heading`) is set is separated by exactly that text instead: `canon import`
records it where a file was laid out otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from canon.standards.model import (
    Code,
    HorizontalRule,
    ListItem,
    MarkdownBlock,
    Paragraph,
    RuleItem,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from canon.standards.model import (
        Block,
        Section,
    )

__all__ = ["render_block", "render_body"]

type Piece = tuple[str | None, str]


def render_body(
    title: str,
    sections: Iterable[Section],
    *,
    intro: Iterable[Block] = (),
    ending: str = "\n",
    tight_lists: bool = False,
) -> str:
    """Render a document body: the level-1 title (if any), the intro blocks, every section.

    Args:
        title: The document's level-1 heading; empty for none.
        sections: The sections, in document order.
        intro: Blocks before the first section.
        ending: What follows the last part (one newline unless a file said otherwise).
        tight_lists: Put a list right under its heading unless a section says otherwise.

    Returns:
        The Markdown, ending with `ending` (empty when there is nothing to write).
    """
    pieces: list[Piece] = [(None, f"# {title}")] if title else []
    pieces.extend(_block_pieces(intro))
    pieces.extend(_section_pieces(sections, tight_lists=tight_lists))
    if not pieces:
        return ""
    text = pieces[0][1]
    for space, piece in pieces[1:]:
        text += ("\n\n" if space is None else space) + piece
    return text + ending


def _section_pieces(sections: Iterable[Section], *, tight_lists: bool) -> Iterator[Piece]:
    for section in sections:
        yield section.space_before, f"{'#' * section.level} {section.title}"
        pieces = list(_block_pieces(section.blocks))
        tight = tight_lists if section.tight is None else section.tight
        space = section.space_after_heading
        first_is_list = bool(section.blocks) and isinstance(section.blocks[0], RuleItem | ListItem)
        if space is None and tight and first_is_list:
            space = "\n"
        if pieces and space is not None:
            pieces[0] = (space, pieces[0][1])
        yield from pieces


def _block_pieces(blocks: Iterable[Block]) -> Iterator[Piece]:
    """Each block with the space before it: list entries in a row sit on consecutive lines."""
    previous_entry = False
    for block in blocks:
        entry = isinstance(block, RuleItem | ListItem)
        space = block.space_before
        if space is None and entry and previous_entry:
            space = "\n"
        yield space, render_block(block)
        previous_entry = entry


def render_block(block: Block) -> str:
    """Render one block, without a trailing newline.

    Args:
        block: Any block of a section.

    Returns:
        The block's Markdown.
    """
    match block:
        case RuleItem(rule=rule):
            return _render_entry(block, rule.text)
        case ListItem(item=text):
            return _render_entry(block, text)
        case Code(code=code):
            body = code.text if not code.text or code.text.endswith("\n") else code.text + "\n"
            return f"{code.fence}{code.lang}\n{body}{code.fence}"
        case Paragraph(paragraph=text) | MarkdownBlock(markdown=text):
            return text
        case HorizontalRule(hr=line):
            return line
    msg = f"unknown block {type(block).__name__}"
    raise TypeError(msg)


def _render_entry(entry: RuleItem | ListItem, text: str) -> str:
    lines = [f"{entry.marker} {text}"]
    indent = entry.indent or " " * (len(entry.marker) + 1)
    lines.extend(_indent(render_block(child), indent) for child in entry.children)
    return "\n".join(lines)


def _indent(text: str, indent: str) -> str:
    return "\n".join(indent + line if line else line for line in text.split("\n"))
