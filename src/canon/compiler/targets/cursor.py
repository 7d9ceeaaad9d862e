"""Cursor: project rules in `.cursor/rules/NAME.mdc`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.base import TargetInfo, frontmatter_value, plain_safe
from canon.compiler.targets.markdown_target import MarkdownTarget

if TYPE_CHECKING:
    from canon.standards.model import StandardMeta

__all__ = ["INFO", "TARGET", "Cursor"]

INFO = TargetInfo(
    name="cursor",
    title="Cursor",
    paths=(".cursor/rules/{name}.mdc",),
    size_limit=None,
    doc_url="https://cursor.com/docs/context/rules",
    checked="2026-11-27",
    frontmatter=("description", "globs", "alwaysApply"),
    scoping="globs: with alwaysApply: false (auto-attached)",
    globs='one unquoted string, globs joined by ","',
    splits=True,
    glob_key="globs",
    import_names=(".mdc",),
    import_folders=(".cursor/rules/",),
)


class Cursor(MarkdownTarget):
    """One `.mdc` rule per standard: `description`, `globs`, `alwaysApply`."""

    info: ClassVar[TargetInfo] = INFO

    @override
    def frontmatter(self, meta: StandardMeta, globs: tuple[str, ...]) -> list[str]:
        """`description` (the title when none; quoted if YAML needs it), `globs`, `alwaysApply`."""
        text = meta.description or meta.title
        description = frontmatter_value(text, quote=not plain_safe(text)) if text else ""
        return [
            f"description: {description}".rstrip(),
            f"globs: {','.join(globs)}".rstrip(),
            f"alwaysApply: {'false' if globs else 'true'}",
        ]


TARGET = Cursor
