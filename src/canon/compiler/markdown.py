"""Render a standard's sections as Markdown, exactly as a person would have written them.

The layout is fixed so that output is byte-stable: headings and top-level blocks are separated
by one blank line (except a list that starts right under a tight section's heading), consecutive
list entries form one list with no blank line between them, and nested blocks sit under their
entry indented by the width of its marker.
"""

from collections.abc import Iterable, Iterator

from canon.standards.model import (
    Block,
    Code,
    HorizontalRule,
    ListItem,
    MarkdownBlock,
    Paragraph,
    RuleItem,
    Section,
)

__all__ = ["render_block", "render_body", "render_sections"]


def render_body(title: str, sections: Iterable[Section], *, tight_lists: bool = False) -> str:
    """Render a document body: the level-1 title (if any) and every section.

    Args:
        title: The document's level-1 heading; empty for none.
        sections: The sections, in document order.
        tight_lists: Put a list right under its heading unless a section says otherwise.

    Returns:
        The Markdown, ending with exactly one newline (empty when there is nothing to write).
    """
    parts = [f"# {title}"] if title else []
    parts.extend(_section_parts(sections, tight_lists=tight_lists))
    return "\n\n".join(parts) + "\n" if parts else ""


def render_sections(sections: Iterable[Section], *, tight_lists: bool = False) -> str:
    """Render sections alone, without a title.

    Args:
        sections: The sections, in document order.
        tight_lists: Put a list right under its heading unless a section says otherwise.

    Returns:
        The Markdown, ending with one newline (empty when there is nothing to write).
    """
    return render_body("", sections, tight_lists=tight_lists)


def _section_parts(sections: Iterable[Section], *, tight_lists: bool) -> Iterator[str]:
    for section in sections:
        heading = f"{'#' * section.level} {section.title}"
        groups = list(_block_groups(section.blocks))
        tight = tight_lists if section.tight is None else section.tight
        if tight and groups and isinstance(section.blocks[0], RuleItem | ListItem):
            groups[0] = f"{heading}\n{groups[0]}"
        else:
            groups.insert(0, heading)
        yield from groups


def _block_groups(blocks: Iterable[Block]) -> Iterator[str]:
    """Group consecutive list entries into one list; every other block stands alone."""
    pending: list[str] = []
    for block in blocks:
        if isinstance(block, RuleItem | ListItem):
            pending.append(render_block(block))
            continue
        if pending:
            yield "\n".join(pending)
            pending = []
        yield render_block(block)
    if pending:
        yield "\n".join(pending)


def render_block(block: Block) -> str:
    """Render one block, without a trailing newline.

    Args:
        block: Any block of a section.

    Returns:
        The block's Markdown.
    """
    match block:
        case RuleItem(rule=rule):
            return _render_entry(block.marker, rule.text, block.children)
        case ListItem(item=text):
            return _render_entry(block.marker, text, block.children)
        case Code(code=code):
            body = code.text if not code.text or code.text.endswith("\n") else code.text + "\n"
            return f"{code.fence}{code.lang}\n{body}{code.fence}"
        case Paragraph(paragraph=text):
            return text
        case HorizontalRule(hr=line):
            return line
        case MarkdownBlock(markdown=text):
            return text
    msg = f"unknown block {type(block).__name__}"
    raise TypeError(msg)


def _render_entry(marker: str, text: str, children: tuple[Block, ...]) -> str:
    lines = [f"{marker} {text}"]
    indent = " " * (len(marker) + 1)
    lines.extend(_indent(render_block(child), indent) for child in children)
    return "\n".join(lines)


def _indent(text: str, indent: str) -> str:
    return "\n".join(indent + line if line else line for line in text.split("\n"))
