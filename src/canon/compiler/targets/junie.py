"""JetBrains Junie: `.junie/guidelines.md`."""

from __future__ import annotations

from typing import ClassVar

from canon.compiler.targets.base import TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget

__all__ = ["INFO", "TARGET", "Junie"]

INFO = TargetInfo(
    name="junie",
    title="JetBrains Junie",
    paths=(".junie/guidelines.md",),
    size_limit=None,
    doc_url="https://www.jetbrains.com/help/junie/customize-guidelines.html",
    checked="2026-11-27",
)


class Junie(MarkdownTarget):
    """One `.junie/guidelines.md` holding every standard.

    Not `.junie/AGENTS.md`: writing it silently turns off hand-written `.junie/rules/*.md`.
    Scoped standards say in a line which files they apply to.
    """

    info: ClassVar[TargetInfo] = INFO


TARGET = Junie
