"""Windsurf (Devin Desktop): workspace rules in `.windsurf/rules/NAME.md`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.base import TargetInfo, frontmatter_value
from canon.compiler.targets.markdown_target import MarkdownTarget

if TYPE_CHECKING:
    from canon.standards.model import StandardMeta

__all__ = ["INFO", "TARGET", "Windsurf"]

INFO = TargetInfo(
    name="windsurf",
    title="Windsurf",
    paths=(".windsurf/rules/{name}.md",),
    size_limit=12_000,
    doc_url="https://docs.windsurf.com/windsurf/cascade/memories",
    checked="2026-11-27",
    frontmatter=("trigger", "globs", "description"),
    scoping="trigger: glob with globs:",
    globs='one string, globs joined by ","',
    splits=True,
    glob_key="globs",
    import_folders=(".windsurf/rules/",),
)


class Windsurf(MarkdownTarget):
    """One rule file per standard (split by section past 12,000 characters)."""

    info: ClassVar[TargetInfo] = INFO

    @override
    def frontmatter(self, meta: StandardMeta, globs: tuple[str, ...]) -> list[str]:
        """`trigger` (`glob` or `always_on`), `globs`, `description`."""
        lines = ["trigger: glob", f"globs: {','.join(globs)}"] if globs else ["trigger: always_on"]
        if meta.description:
            lines.append(f"description: {frontmatter_value(meta.description, quote=True)}")
        return lines


TARGET = Windsurf
