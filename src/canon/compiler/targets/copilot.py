"""GitHub Copilot: repository-wide and path-specific instruction files."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.base import Note, Rendering, TargetInfo, frontmatter_value
from canon.compiler.targets.markdown_target import MarkdownTarget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.compiler.targets.base import Context
    from canon.standards.model import Standard, StandardMeta

__all__ = ["INFO", "REVIEW_LIMIT", "TARGET", "Copilot"]

REVIEW_LIMIT = 4_000
"""Copilot code review was documented to read only this much of copilot-instructions.md."""

INFO = TargetInfo(
    name="copilot",
    title="GitHub Copilot",
    paths=(".github/copilot-instructions.md", ".github/instructions/{name}.instructions.md"),
    size_limit=None,
    doc_url="https://docs.github.com/en/copilot/how-tos/configure-custom-instructions-in-your-ide/add-repository-instructions-in-your-ide",
    checked="2026-11-27",
    frontmatter=("applyTo", "description"),
    scoping="applyTo in .github/instructions/NAME.instructions.md",
    globs='one string, globs joined by "," (quoted unless quote_globs: false)',
    glob_key="applyTo",
    import_names=(".instructions.md", "copilot-instructions.md"),
    import_folders=(".github/instructions/",),
)


class Copilot(MarkdownTarget):
    """Copilot's two kinds of instruction file.

    Scoped standards become `.github/instructions/NAME.instructions.md` with `applyTo`;
    unscoped ones share `.github/copilot-instructions.md`.
    """

    info: ClassVar[TargetInfo] = INFO

    @override
    def frontmatter(self, meta: StandardMeta, globs: tuple[str, ...]) -> list[str]:
        """`applyTo` (globs joined by commas), `description`, then extra keys."""
        lines = [f"applyTo: {frontmatter_value(','.join(globs), quote=meta.quote_globs)}"]
        if meta.description:
            lines.append(f"description: {frontmatter_value(meta.description, quote=True)}")
        return lines

    @override
    def render_all(self, standards: Sequence[Standard], context: Context) -> Rendering:
        """Render every standard, noting globs written unquoted."""
        rendering = super().render_all(standards, context)
        notes = [
            _unquoted_note(standard)
            for standard in standards
            if standard.meta.applies_to and not standard.meta.quote_globs
        ]
        notes.extend(
            Note(
                message=f"{output.path} is {len(output.content):,} characters; Copilot code "
                f"review reads only the first {REVIEW_LIMIT:,}"
            )
            for output in rendering.outputs
            if str(output.path) == INFO.paths[0] and len(output.content) > REVIEW_LIMIT
        )
        return Rendering(outputs=rendering.outputs, notes=(*rendering.notes, *notes))


def _unquoted_note(standard: Standard) -> Note:
    glob = ",".join(standard.meta.applies_to)
    message = (
        f"applyTo is written unquoted ({glob}) as the source asks (quote_globs: false); "
        "strict YAML parsers reject it"
    )
    return Note(message=message, where=standard.origins.get("standard.quote_globs", ""))


TARGET = Copilot
