"""Roo Code (and Zoo Code, which reads `.roo/`): rules in `.roo/rules/NAME.md`."""

from __future__ import annotations

from typing import ClassVar

from canon.compiler.targets.base import TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget

__all__ = ["INFO", "TARGET", "Roo"]

INFO = TargetInfo(
    name="roo",
    title="Roo Code / Zoo Code",
    paths=(".roo/rules/{name}.md",),
    size_limit=None,
    doc_url="https://docs.roocode.com/features/custom-instructions",
    checked="2026-11-27",
    splits=True,
    import_folders=(".roo/rules/",),
)


class Roo(MarkdownTarget):
    """One rule file per standard, no frontmatter; a scoped one says which files in a line."""

    info: ClassVar[TargetInfo] = INFO


TARGET = Roo
