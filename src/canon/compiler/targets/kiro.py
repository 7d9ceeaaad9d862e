"""Kiro: steering files in `.kiro/steering/NAME.md`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.base import TargetInfo, frontmatter_value
from canon.compiler.targets.markdown_target import MarkdownTarget, yaml_list

if TYPE_CHECKING:
    from canon.standards.model import StandardMeta

__all__ = ["INFO", "TARGET", "Kiro"]

INFO = TargetInfo(
    name="kiro",
    title="Kiro",
    paths=(".kiro/steering/{name}.md",),
    size_limit=None,
    doc_url="https://kiro.dev/docs/steering",
    checked="2026-11-27",
    frontmatter=("inclusion", "fileMatchPattern"),
    scoping="inclusion: fileMatch with fileMatchPattern:",
    globs="one quoted string, or a YAML list for several",
    splits=True,
    glob_key="fileMatchPattern",
    import_folders=(".kiro/steering/",),
)


class Kiro(MarkdownTarget):
    """One steering file per standard: `inclusion: always` or `fileMatch`."""

    info: ClassVar[TargetInfo] = INFO

    @override
    def frontmatter(self, meta: StandardMeta, globs: tuple[str, ...]) -> list[str]:
        """`inclusion` and, when scoped, `fileMatchPattern`."""
        del meta
        if not globs:
            return ["inclusion: always"]
        if len(globs) == 1:
            pattern = [f"fileMatchPattern: {frontmatter_value(globs[0], quote=True)}"]
        else:
            pattern = yaml_list("fileMatchPattern", globs)
        return ["inclusion: fileMatch", *pattern]


TARGET = Kiro
