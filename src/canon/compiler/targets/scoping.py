"""Which standards and rules a target receives, and how scoped rules are carried.

A standard or rule may name the assistants it is for; a rule may carry globs of its own. Formats
that scope files get such rules in standards of their own; the others get the globs written
next to the rule's text, or a line saying which files a standard applies to.
"""

from __future__ import annotations

from re import findall
from typing import TYPE_CHECKING

from canon.compiler.targets.base import Note
from canon.standards.model import ListItem, Paragraph, RuleItem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.standards.model import Block, Section, Standard

__all__ = [
    "inline_rule_scopes",
    "is_for",
    "scope_line",
    "select_for",
    "split_rule_scopes",
    "with_scope_line",
]


def is_for(target: str, assistants: Sequence[str], not_for: Sequence[str]) -> bool:
    """Tell whether something naming its assistants is meant for a target.

    Args:
        target: The target's name.
        assistants: The assistants it is for; empty means all.
        not_for: The assistants it is withheld from.

    Returns:
        True when the target should receive it.
    """
    return (not assistants or target in assistants) and target not in not_for


def select_for(standard: Standard, target: str) -> Standard | None:
    """Keep what a standard holds for one target: rules for other assistants are left out.

    Args:
        standard: The standard.
        target: The target's name.

    Returns:
        The standard as the target sees it, or None when it is not for that target.
    """
    meta = standard.meta
    if not is_for(target, meta.assistants, meta.not_for):
        return None
    sections = tuple(
        section.model_copy(update={"blocks": _blocks_for(section.blocks, target)})
        for section in standard.sections
    )
    intro = _blocks_for(meta.intro, target)
    new_meta = meta.model_copy(update={"intro": intro})
    return standard.model_copy(update={"meta": new_meta, "sections": sections})


def _blocks_for(blocks: tuple[Block, ...], target: str) -> tuple[Block, ...]:
    kept: list[Block] = []
    for block in blocks:
        if isinstance(block, RuleItem) and not is_for(
            target, block.rule.assistants, block.rule.not_for
        ):
            continue
        if isinstance(block, RuleItem | ListItem) and block.children:
            children = _blocks_for(block.children, target)
            kept.append(block.model_copy(update={"children": children}))
        else:
            kept.append(block)
    return tuple(kept)


def scope_line(globs: Sequence[str]) -> str:
    """The line written where a format cannot limit a file to some paths.

    Args:
        globs: The globs the text applies to.

    Returns:
        A Markdown paragraph naming them.
    """
    spelled = ", ".join(f"`{glob}`" for glob in globs)
    return f"**Applies only to files matching** {spelled}."


def inline_rule_scopes(standard: Standard, target: str) -> tuple[Standard, list[Note]]:
    """Write a rule's own globs next to its text: no format scopes one bullet of a file.

    Args:
        standard: The standard.
        target: The target's name, for the notes.

    Returns:
        The standard with those rules' texts extended, and a note for each.
    """
    notes: list[Note] = []

    def visit(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        result: list[Block] = []
        for original in blocks:
            block = original
            if isinstance(block, RuleItem | ListItem) and block.children:
                block = block.model_copy(update={"children": visit(block.children)})
            rule_globs = block.rule.applies_to if isinstance(block, RuleItem) else ()
            if rule_globs and tuple(rule_globs) != tuple(standard.meta.applies_to):
                spelled = ", ".join(f"`{glob}`" for glob in rule_globs)
                text = f"{block.rule.text} (only in files matching {spelled})"
                block = block.model_copy(
                    update={"rule": block.rule.model_copy(update={"text": text})}
                )
                where = standard.origins.get(block.rule.id, "")
                message = f"{target}: rule {block.rule.id} is scoped inline ({spelled})"
                notes.append(Note(message=message, where=where))
            result.append(block)
        return tuple(result)

    sections = tuple(
        section.model_copy(update={"blocks": visit(section.blocks)})
        for section in standard.sections
    )
    meta = standard.meta.model_copy(update={"intro": visit(standard.meta.intro)})
    return standard.model_copy(update={"meta": meta, "sections": sections}), notes


def _own_globs(block: Block, standard: Standard) -> tuple[str, ...]:
    if isinstance(block, RuleItem) and block.rule.applies_to:
        globs = tuple(block.rule.applies_to)
        return () if globs == tuple(standard.meta.applies_to) else globs
    return ()


def split_rule_scopes(standard: Standard) -> tuple[Standard, list[Standard]]:
    """Move rules with globs of their own into standards of their own, for scoping formats.

    Each distinct set of globs becomes one standard (`ID-SLUG`, the slug made from the
    globs) holding those rules under their section headings; the rest stays as it was.

    Args:
        standard: The standard.

    Returns:
        The standard without those rules, and one standard per set of globs.
    """
    groups: dict[tuple[str, ...], list[tuple[Section, RuleItem]]] = {}
    kept: list[Section] = []
    for section in standard.sections:
        blocks: list[Block] = []
        for block in section.blocks:
            globs = _own_globs(block, standard)
            if globs and isinstance(block, RuleItem):
                groups.setdefault(globs, []).append((section, block))
            else:
                blocks.append(block)
        kept.append(section.model_copy(update={"blocks": tuple(blocks)}))
    rest = standard.model_copy(update={"sections": tuple(kept)})
    slugs: set[str] = set()
    parts = [_scoped_part(standard, globs, items, slugs) for globs, items in groups.items()]
    return rest, parts


def _scoped_part(
    standard: Standard,
    globs: tuple[str, ...],
    items: list[tuple[Section, RuleItem]],
    slugs: set[str],
) -> Standard:
    slug = "-".join(findall(r"[a-z0-9]+", " ".join(globs).lower()))[:40].strip("-") or "scoped"
    base, counter = slug, 2
    while slug in slugs:
        slug, counter = f"{base}-{counter}", counter + 1
    slugs.add(slug)
    sections: dict[int, Section] = {}
    for section, item in items:
        current = sections.get(id(section), section.model_copy(update={"blocks": ()}))
        sections[id(section)] = current.model_copy(update={"blocks": (*current.blocks, item)})
    meta = standard.meta.model_copy(
        update={
            "id": f"{standard.meta.id}-{slug}",
            "applies_to": globs,
            "intro": (),
            "source": None,
        }
    )
    return standard.model_copy(update={"meta": meta, "sections": tuple(sections.values())})


def with_scope_line(standard: Standard) -> Standard:
    """Open a standard with the line saying which files it applies to.

    Args:
        standard: A standard with `applies_to` globs.

    Returns:
        The standard, its intro starting with that line.
    """
    line = Paragraph(paragraph=scope_line(standard.meta.applies_to))
    meta = standard.meta.model_copy(update={"intro": (line, *standard.meta.intro)})
    return standard.model_copy(update={"meta": meta})
