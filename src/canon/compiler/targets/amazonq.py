"""Amazon Q Developer: project rules in `.amazonq/rules/NAME.md`."""

from __future__ import annotations

from typing import ClassVar

from canon.compiler.targets.base import TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget

__all__ = ["INFO", "TARGET", "AmazonQ"]

INFO = TargetInfo(
    name="amazonq",
    title="Amazon Q Developer",
    paths=(".amazonq/rules/{name}.md",),
    size_limit=None,
    doc_url="https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/context-project-rules.html",
    checked="2026-11-27",
    splits=True,
    import_folders=(".amazonq/rules/",),
)


class AmazonQ(MarkdownTarget):
    """One rule file per standard, no frontmatter; a scoped one says which files in a line."""

    info: ClassVar[TargetInfo] = INFO


TARGET = AmazonQ
