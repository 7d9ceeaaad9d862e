"""Gemini CLI: `GEMINI.md` at the root."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.agents_md import import_agents_md
from canon.compiler.targets.base import TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.compiler.targets.base import Context, Rendering
    from canon.standards.model import Standard

__all__ = ["INFO", "TARGET", "Gemini"]

INFO = TargetInfo(
    name="gemini",
    title="Gemini CLI",
    paths=("GEMINI.md",),
    size_limit=None,
    doc_url="https://github.com/google-gemini/gemini-cli/blob/main/docs/cli/gemini-md.md",
    checked="2026-11-27",
    import_names=("gemini.md",),
)


class Gemini(MarkdownTarget):
    """One `GEMINI.md`; `@AGENTS.md` when AGENTS.md is written with the same content."""

    info: ClassVar[TargetInfo] = INFO

    @override
    def render_all(self, standards: Sequence[Standard], context: Context) -> Rendering:
        """Render every standard into `GEMINI.md`, importing `AGENTS.md` when equal."""
        rendering = super().render_all(standards, context)
        return import_agents_md(rendering, standards, context=context, path=INFO.paths[0])


TARGET = Gemini
