"""Cline: rules in `.clinerules/NAME.md`, combined by Cline."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.base import TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget, yaml_list

if TYPE_CHECKING:
    from canon.standards.model import StandardMeta

__all__ = ["INFO", "TARGET", "Cline"]

INFO = TargetInfo(
    name="cline",
    title="Cline",
    paths=(".clinerules/{name}.md",),
    size_limit=None,
    doc_url="https://github.com/cline/cline/blob/main/docs/customization/cline-rules.mdx",
    checked="2026-11-27",
    frontmatter=("paths",),
    scoping="paths:",
    globs="YAML list of quoted globs",
    splits=True,
    glob_key="paths",
    import_folders=(".clinerules/",),
)


class Cline(MarkdownTarget):
    """One rule file per standard; `paths:` when scoped (none means always)."""

    info: ClassVar[TargetInfo] = INFO

    @override
    def frontmatter(self, meta: StandardMeta, globs: tuple[str, ...]) -> list[str]:
        """`paths:` as a list; nothing for an unscoped standard (`paths: []` means never)."""
        del meta
        return yaml_list("paths", globs) if globs else []


TARGET = Cline
