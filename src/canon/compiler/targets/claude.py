"""Claude Code: `CLAUDE.md` for every session, `.claude/rules/NAME.md` with `paths:`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.agents_md import import_agents_md
from canon.compiler.targets.base import TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget, yaml_list

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.compiler.targets.base import Context, Rendering
    from canon.standards.model import Standard, StandardMeta

__all__ = ["INFO", "TARGET", "Claude"]

INFO = TargetInfo(
    name="claude",
    title="Claude Code",
    paths=("CLAUDE.md", ".claude/rules/{name}.md"),
    size_limit=None,
    doc_url="https://code.claude.com/docs/en/memory",
    checked="2026-11-27",
    frontmatter=("paths",),
    scoping="paths: in .claude/rules/NAME.md",
    globs="YAML list of quoted globs",
    glob_key="paths",
    import_names=("claude.md",),
    import_folders=(".claude/rules/",),
)


class Claude(MarkdownTarget):
    """Unscoped standards in `CLAUDE.md`, scoped ones in `.claude/rules/NAME.md` (`paths:`).

    `CLAUDE.md` is the one line `@AGENTS.md` when AGENTS.md is written with the same content.
    """

    info: ClassVar[TargetInfo] = INFO

    @override
    def frontmatter(self, meta: StandardMeta, globs: tuple[str, ...]) -> list[str]:
        """`paths:` as a list of globs."""
        del meta
        return yaml_list("paths", globs)

    @override
    def render_all(self, standards: Sequence[Standard], context: Context) -> Rendering:
        """Render every standard; `CLAUDE.md` imports `AGENTS.md` when that says the same."""
        rendering = super().render_all(standards, context)
        return import_agents_md(rendering, standards, context=context, path=INFO.paths[0])


TARGET = Claude
