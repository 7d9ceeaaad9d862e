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
from typing import TYPE_CHECKING, ClassVar

from canon.compiler.markdown import render_body
from canon.compiler.targets.base import (
    Context,
    Note,
    Output,
    Rendering,
    frontmatter_value,
    render_document,
)
from canon.compiler.targets.scoping import (
    inline_rule_scopes,
    select_for,
    split_rule_scopes,
    with_scope_line,
)
from canon.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.compiler.targets.base import TargetInfo
    from canon.standards.model import Section, Standard, StandardMeta

__all__ = [
    "MarkdownTarget",
    "body_of",
    "check_size",
    "extra_lines",
    "yaml_list",
]


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
        meta.title,
        standard.sections,
        intro=meta.intro,
        ending=ending,
        tight_lists=meta.tight_lists,
    )


class MarkdownTarget:
    """A Markdown-based assistant format, described by its `TargetInfo`.

    Subclasses set `info` and `frontmatter`; everything else is shared, the paths and the
    scoping read from `info`.

    Attributes:
        info: The format's facts.
    """

    info: ClassVar[TargetInfo]

    def __repr__(self) -> str:
        """Name the target, as `Copilot(name='copilot')`.

        Returns:
            The representation.
        """
        return f"{type(self).__name__}(name={self.info.name!r})"

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
            if self.info.can_scope and self.info.scoped_path is not None:
                standard, own = split_rule_scopes(standard)
                for part in own:
                    notes.append(_moved_note(self.info, self._path(part.meta.id), part))
                    outputs.extend(self._own_file(part, notes, context))
            standard, rule_notes = inline_rule_scopes(standard, self.info.name)
            notes.extend(rule_notes)
            scoped = bool(standard.meta.applies_to)
            if self.info.scoped_path is not None and (scoped or self.info.combined_path is None):
                outputs.extend(self._own_file(standard, notes, context))
            else:
                combined.append(standard)
        if combined and self.info.combined_path is not None:
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
            notes.extend(_description_notes(self.info, standard, self.info.combined_path or ""))
            if standard.meta.applies_to:
                notes.append(_fallback_note(self.info, standard, self.info.combined_path or ""))
                shown = with_scope_line(standard)
            bodies.append(body_of(shown))
        return "\n".join(body for body in bodies if body)

    def _combined(
        self, standards: list[Standard], notes: list[Note], context: Context
    ) -> list[Output]:
        path = PurePosixPath(self.info.combined_path or "")
        content = self.combined_text(standards, notes)
        names = ",".join(standard.meta.id for standard in standards)
        output = Output(path=path, content=content, standard=names, target=self.info.name)
        check_size(self.info, output, notes=notes, context=context)
        return [output]

    def _own_file(self, standard: Standard, notes: list[Note], context: Context) -> list[Output]:
        meta = standard.meta
        globs = meta.applies_to if self.info.can_scope else ()
        notes.extend(_description_notes(self.info, standard, self._path(meta.id)))
        if meta.applies_to and not self.info.can_scope:
            notes.append(_fallback_note(self.info, standard, self._path(meta.id)))
            standard = with_scope_line(standard)
        lines = self.frontmatter(meta, globs)
        lines.extend(extra_lines(meta, lines, self.info.name))
        whole = self._output(standard, lines, self._path(meta.id))
        limit = self.info.size_limit
        if limit is None or len(whole.content) <= limit or not self.info.splits:
            check_size(self.info, whole, notes=notes, context=context)
            return [whole]
        parts = self._split(standard, lines, notes, context)
        if parts is None:
            check_size(self.info, whole, notes=notes, context=context)
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
            check_size(self.info, output, notes=notes, context=context)
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
        return (self.info.scoped_path or self.info.combined_path or "").format(name=name)


def check_size(info: TargetInfo, output: Output, *, notes: list[Note], context: Context) -> None:
    """Refuse a file over the target's size limit, or note it when oversize files are allowed.

    Args:
        info: The target's facts (its limit).
        output: The file.
        notes: Where to add the note.
        context: Whether oversize files are allowed.

    Raises:
        InputError: The file is over the limit and oversize files are not allowed.
    """
    limit = info.size_limit
    size = len(output.content)
    if limit is None or size <= limit:
        return
    message = (
        f"{output.path} is {size:,} characters, over {info.title}'s limit of "
        f"{limit:,} ({info.doc_url})"
    )
    if not context.allow_oversize:
        raise InputError(message + "; shorten it or pass --allow-oversize")
    notes.append(Note(message=message + " (allowed by --allow-oversize)"))


def _fallback_note(info: TargetInfo, standard: Standard, path: str) -> Note:
    globs = ", ".join(standard.meta.applies_to)
    message = (
        f"{info.name} cannot limit a file to some paths; {path} says in a line "
        f"that {standard.meta.id} applies only to {globs}"
    )
    return Note(message=message, where=standard.origins.get("standard.applies_to", ""))


def _description_notes(info: TargetInfo, standard: Standard, path: str) -> list[Note]:
    """A note when the standard has a description the format has no key for."""
    if not standard.meta.description or "description" in info.frontmatter:
        return []
    message = (
        f"{info.name} has no description key: {path} leaves out the description of "
        f"{standard.meta.id} ({standard.meta.description!r})"
    )
    return [Note(message=message, where=standard.origins.get("standard.description", ""))]


def _moved_note(info: TargetInfo, path: str, part: Standard) -> Note:
    globs = ", ".join(part.meta.applies_to)
    rules = ", ".join(rule.id for rule in part.rules())
    return Note(message=f"{info.name}: {path} holds {rules} (only {globs})")
