"""A third-party target that scopes files and imports back: every fact is in its TargetInfo."""

from __future__ import annotations

from typing import ClassVar

from canon.compiler.targets.base import TargetInfo, frontmatter_value
from canon.compiler.targets.markdown_target import MarkdownTarget

__all__ = ["Fence"]

INFO = TargetInfo(
    name="fence",
    title="Fence",
    paths=(".fence/rules/{name}.md",),
    size_limit=None,
    doc_url="https://example.invalid/fence",
    checked="2026-12-02",
    frontmatter=("match",),
    scoping="match:",
    globs="one quoted string, globs joined by ','",
    glob_key="match",
    import_folders=(".fence/rules/",),
)


class Fence(MarkdownTarget):
    """One `.fence/rules/NAME.md` per standard, limited to its globs by `match:`."""

    info: ClassVar[TargetInfo] = INFO

    def frontmatter(self, meta, globs):
        del meta
        return [f"match: {frontmatter_value(','.join(globs), quote=True)}"] if globs else []
