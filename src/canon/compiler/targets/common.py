"""The rendering every Markdown-based target shares.

A target says, as data, where its files go and how its frontmatter reads; this module does
the rest the same way for all of them: it keeps only the standards and rules meant for the
target, carries globs into the frontmatter where the format can express them and writes an
explicit line (with a note for the terminal) where it cannot, combines standards that share
one file, splits a standard by section where the format reads several files and a file would
exceed the size limit, and fails with the file, its size and the limit otherwise.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from re import compile as regex
from re import findall
from typing import TYPE_CHECKING, ClassVar

from canon.compiler.markdown import render_body
from canon.compiler.targets.base import (
    Context,
    Note,
    Output,
    Rendering,
    TargetInfo,
    frontmatter_value,
    render_document,
)
from canon.standards.errors import InputError
from canon.standards.model import Block, ListItem, Paragraph, RuleItem, Section, Standard

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.standards.model import StandardMeta

__all__ = [
    "MarkdownTarget",
    "body_of",
    "extra_lines",
    "is_for",
    "scope_line",
    "select_for",
    "split_rule_scopes",
    "yaml_list",
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


def yaml_list(key: str, values: Sequence[str]) -> list[str]:
    """Spell a YAML list of strings, each quoted (valid YAML for globs starting with `*`).

    Args:
        key: The frontmatter key.
        values: The strings.

    Returns:
        The frontmatter lines.
    """
    return [f"{key}:", *(f"  - {frontmatter_value(value, quote=True)}" for value in values)]


_PLAIN = regex(r"^[A-Za-z0-9_][A-Za-z0-9_ ./@()+-]*$")


def extra_lines(meta: StandardMeta, written: list[str], target: str) -> list[str]:
    """The standard's extra frontmatter keys, for a file that has frontmatter.

    Extra keys belong to one format: an imported standard's go back only to the format it
    came from; a standard written by hand gives its extras to every format with frontmatter.
    Keys the target already wrote are not repeated.

    Args:
        meta: The standard's metadata.
        written: The lines the target derived.
        target: The target's name.

    Returns:
        The lines to add.
    """
    if not written or (meta.source is not None and meta.source.format != target):
        return []
    taken = {line.split(":", 1)[0] for line in written if not line.startswith(" ")}
    lines: list[str] = []
    for key, value in meta.frontmatter.items():
        if key in taken:
            continue
        if isinstance(value, tuple):
            lines.extend(yaml_list(key, value))
        elif isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        else:
            text = str(value)
            lines.append(
                f"{key}: {text if _PLAIN.match(text) else frontmatter_value(text, quote=True)}"
            )
    return lines


def body_of(standard: Standard) -> str:
    """Render a standard's body as Markdown (title, intro, sections).

    Args:
        standard: The standard.

    Returns:
        The Markdown, ending as the standard's source file did (one newline by default).
    """
    meta = standard.meta
    ending = meta.source.ending if meta.source else "\n"
    return render_body(
        meta.title, standard.sections, meta.intro, ending, tight_lists=meta.tight_lists
    )


def _rule_scope_notes(standard: Standard, target: str) -> tuple[Standard, list[Note]]:
    """Write a rule's own globs next to its text: no format scopes one bullet of a file."""
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


def _with_scope_line(standard: Standard) -> Standard:
    line = Paragraph(paragraph=scope_line(standard.meta.applies_to))
    meta = standard.meta.model_copy(update={"intro": (line, *standard.meta.intro)})
    return standard.model_copy(update={"meta": meta})


class MarkdownTarget:
    """A Markdown-based assistant format, described by class attributes.

    Subclasses set `info`, the paths, and `frontmatter`; everything else is shared.

    Attributes:
        info: The format's facts.
        combined_path: The one file unscoped standards share (None: each has its own file).
        scoped_path: The per-standard file, `{name}` standing for the standard's id (None:
            every standard goes into the combined file).
        can_scope: Whether per-standard files can limit themselves to globs.
    """

    info: ClassVar[TargetInfo]
    combined_path: ClassVar[str | None] = None
    scoped_path: ClassVar[str | None] = None
    can_scope: ClassVar[bool] = False

    def frontmatter(self, meta: StandardMeta, globs: tuple[str, ...]) -> list[str]:
        """The frontmatter lines of a per-standard file.

        Args:
            meta: The standard's metadata.
            globs: The globs the file is limited to; empty for every file.

        Returns:
            The lines, without fences; empty for no frontmatter.
        """
        del meta, globs
        return []

    def render(self, standard: Standard) -> Rendering:
        """Render one standard, as if it were the only one compiled.

        Args:
            standard: The standard.

        Returns:
            The files and notes.
        """
        return self.render_all([standard], Context(targets=frozenset({self.info.name})))

    def render_all(self, standards: Sequence[Standard], context: Context) -> Rendering:
        """Render every standard of a compile.

        Args:
            standards: The standards, in the order named.
            context: What else this compile writes, and what it allows.

        Returns:
            The files and notes.

        Raises:
            InputError: A file would exceed the size limit and cannot be split.
        """
        notes: list[Note] = []
        combined: list[Standard] = []
        outputs: list[Output] = []
        for original in standards:
            standard = select_for(original, self.info.name)
            if standard is None:
                continue
            if self.can_scope and self.scoped_path is not None:
                standard, own = split_rule_scopes(standard)
                for part in own:
                    notes.append(self._moved_note(part))
                    outputs.extend(self._own_file(part, notes, context))
            standard, rule_notes = _rule_scope_notes(standard, self.info.name)
            notes.extend(rule_notes)
            scoped = bool(standard.meta.applies_to)
            if self.scoped_path is not None and (scoped or self.combined_path is None):
                outputs.extend(self._own_file(standard, notes, context))
            else:
                combined.append(standard)
        if combined and self.combined_path is not None:
            outputs.extend(self._combined(combined, notes, context))
        return Rendering(outputs=tuple(outputs), notes=tuple(notes))

    def combined_text(self, standards: Sequence[Standard], notes: list[Note]) -> str:
        """The combined file's content: every standard's body, scoped ones with a scope line.

        Args:
            standards: The standards the combined file holds.
            notes: Where to report scope fallbacks.

        Returns:
            The content.
        """
        bodies: list[str] = []
        for standard in standards:
            shown = standard
            if standard.meta.applies_to:
                notes.append(self._fallback_note(standard, self.combined_path or ""))
                shown = _with_scope_line(standard)
            bodies.append(body_of(shown))
        return "\n".join(body for body in bodies if body)

    def _combined(
        self, standards: list[Standard], notes: list[Note], context: Context
    ) -> list[Output]:
        path = PurePosixPath(self.combined_path or "")
        content = self.combined_text(standards, notes)
        names = ",".join(standard.meta.id for standard in standards)
        output = Output(path=path, content=content, standard=names, target=self.info.name)
        self._check_size(output, notes, context)
        return [output]

    def _own_file(self, standard: Standard, notes: list[Note], context: Context) -> list[Output]:
        meta = standard.meta
        globs = meta.applies_to if self.can_scope else ()
        if meta.applies_to and not self.can_scope:
            notes.append(self._fallback_note(standard, self._path(meta.id)))
            standard = _with_scope_line(standard)
        lines = self.frontmatter(meta, globs)
        lines.extend(extra_lines(meta, lines, self.info.name))
        whole = self._output(standard, lines, self._path(meta.id))
        limit = self.info.size_limit
        if limit is None or len(whole.content) <= limit or not self.info.splits:
            self._check_size(whole, notes, context)
            return [whole]
        parts = self._split(standard, lines, notes, context)
        if parts is None:
            self._check_size(whole, notes, context)
            return [whole]
        return parts

    def _split(
        self, standard: Standard, lines: list[str], notes: list[Note], context: Context
    ) -> list[Output] | None:
        """Split by chapter (then section) to fit; None when one file is all it can be."""
        limit = self.info.size_limit or 0
        groups: list[list[Section]] = [[]]
        for unit in self._units(standard, lines, limit):
            trial = self._part(standard, [*groups[-1], *unit], lines, 1)
            if groups[-1] and len(trial.content) > limit:
                groups.append([])
            groups[-1].extend(unit)
        if len(groups) == 1:
            return None
        outputs = [
            self._part(standard, group, lines, index) for index, group in enumerate(groups, 1)
        ]
        for output in outputs:
            self._check_size(output, notes, context)
        message = (
            f"{self.info.name}: {standard.meta.id} is split into {len(outputs)} files "
            f"to stay under {limit:,} characters per file"
        )
        notes.append(Note(message=message))
        return outputs

    def _units(self, standard: Standard, lines: list[str], limit: int) -> list[list[Section]]:
        """Chapters (a top-level section and its subsections), or their sections when too big."""
        top = min((section.level for section in standard.sections), default=2)
        chapters: list[list[Section]] = []
        for section in standard.sections:
            if section.level == top or not chapters:
                chapters.append([])
            chapters[-1].append(section)
        units: list[list[Section]] = []
        for chapter in chapters:
            fits = len(self._part(standard, chapter, lines, 2).content) <= limit
            units.extend([chapter] if fits else [[section] for section in chapter])
        return units

    def _part(
        self, standard: Standard, sections: list[Section], lines: list[str], index: int
    ) -> Output:
        meta = standard.meta
        update: dict[str, object] = {"sections": tuple(sections)}
        if index > 1:
            update["meta"] = meta.model_copy(update={"intro": ()})
        part = standard.model_copy(update=update)
        path = self._path(f"{meta.id}-{index:02d}")
        return self._output(part, lines, path)

    def _output(self, standard: Standard, lines: list[str], path: str) -> Output:
        content = render_document(lines, body_of(standard))
        return Output(
            path=PurePosixPath(path),
            content=content,
            standard=standard.meta.id,
            target=self.info.name,
        )

    def _path(self, name: str) -> str:
        return (self.scoped_path or self.combined_path or "").format(name=name)

    def _moved_note(self, part: Standard) -> Note:
        globs = ", ".join(part.meta.applies_to)
        rules = ", ".join(rule.id for rule in part.rules())
        message = f"{self.info.name}: {self._path(part.meta.id)} holds {rules} (only {globs})"
        return Note(message=message)

    def _fallback_note(self, standard: Standard, path: str) -> Note:
        globs = ", ".join(standard.meta.applies_to)
        message = (
            f"{self.info.name} cannot limit a file to some paths; {path} says in a line "
            f"that {standard.meta.id} applies only to {globs}"
        )
        return Note(message=message, where=standard.origins.get("standard.applies_to", ""))

    def _check_size(self, output: Output, notes: list[Note], context: Context) -> None:
        limit = self.info.size_limit
        size = len(output.content)
        if limit is None or size <= limit:
            return
        message = (
            f"{output.path} is {size:,} characters, over {self.info.title}'s limit of "
            f"{limit:,} ({self.info.doc_url})"
        )
        if not context.allow_oversize:
            raise InputError(message + "; shorten it or pass --allow-oversize")
        notes.append(Note(message=message + " (allowed by --allow-oversize)"))


def import_agents_md(
    rendering: Rendering, standards: Sequence[Standard], context: Context, path: str
) -> Rendering:
    """Replace a combined file by the one line `@AGENTS.md` where AGENTS.md says the same.

    Claude Code and Gemini CLI follow `@path` imports; a file that would repeat AGENTS.md
    word for word imports it instead, so the two never drift apart.

    Args:
        rendering: The target's own rendering.
        standards: The standards of the compile.
        context: What else this compile writes.
        path: The combined file's path.

    Returns:
        The rendering, with that file's content replaced when AGENTS.md is written and equal.
    """
    if "agents-md" not in context.targets:
        return rendering
    from canon.compiler.targets.agents_md import AgentsMd

    agents = AgentsMd().render_all(standards, context)
    expected = {output.content for output in agents.outputs}
    outputs = tuple(
        _imported(output) if str(output.path) == path and output.content in expected else output
        for output in rendering.outputs
    )
    return Rendering(outputs=outputs, notes=rendering.notes)


def _imported(output: Output) -> Output:
    return Output(
        path=output.path, content="@AGENTS.md\n", standard=output.standard, target=output.target
    )
