"""AGENTS.md: the plain Markdown file Codex, Jules, Amp, opencode, Warp and others read."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from canon.compiler.targets.base import Output, Rendering, TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.compiler.targets.base import Context
    from canon.standards.model import Standard

__all__ = ["INFO", "TARGET", "AgentsMd", "import_agents_md"]

INFO = TargetInfo(
    name="agents-md",
    title="AGENTS.md",
    paths=("AGENTS.md",),
    size_limit=None,
    doc_url="https://agents.md",
    checked="2026-11-27",
    scoping="",
    globs="",
    import_names=("agents.md", "agent.md"),
)


class AgentsMd(MarkdownTarget):
    """One `AGENTS.md` at the root holding every standard; scoped ones say so in a line."""

    info: ClassVar[TargetInfo] = INFO


def import_agents_md(
    rendering: Rendering, standards: Sequence[Standard], *, context: Context, path: str
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
    if INFO.name not in context.targets:
        return rendering
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


TARGET = AgentsMd
