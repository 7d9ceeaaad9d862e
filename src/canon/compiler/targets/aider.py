"""Aider: `CONVENTIONS.md`, named under `read:` in `.aider.conf.yml`."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.base import Note, Output, Rendering, TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.compiler.targets.base import Context
    from canon.standards.model import Standard

__all__ = ["CONFIG", "INFO", "TARGET", "Aider"]

INFO = TargetInfo(
    name="aider",
    title="Aider",
    paths=("CONVENTIONS.md", ".aider.conf.yml"),
    size_limit=None,
    doc_url="https://aider.chat/docs/config/aider_conf.html",
    checked="2026-11-27",
    import_names=("conventions.md",),
)

CONFIG = (
    "# Written by canon: aider reads the conventions on every run.\nread:\n  - CONVENTIONS.md\n"
)


class Aider(MarkdownTarget):
    """One `CONVENTIONS.md` holding every standard, and the config line that loads it."""

    info: ClassVar[TargetInfo] = INFO

    @override
    def render_all(self, standards: Sequence[Standard], context: Context) -> Rendering:
        """Render `CONVENTIONS.md` and the `.aider.conf.yml` that names it."""
        rendering = super().render_all(standards, context)
        if not rendering.outputs:
            return rendering
        first = rendering.outputs[0]
        config = Output(
            path=PurePosixPath(INFO.paths[1]),
            content=CONFIG,
            standard=first.standard,
            target=INFO.name,
        )
        note = Note(message="aider: .aider.conf.yml is owned by canon (it holds only `read:`)")
        return Rendering(outputs=(*rendering.outputs, config), notes=(*rendering.notes, note))


TARGET = Aider
