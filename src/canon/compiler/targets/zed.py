"""Zed: one `.rules` file at the root."""

from __future__ import annotations

from typing import ClassVar

from canon.compiler.targets.base import TargetInfo
from canon.compiler.targets.markdown_target import MarkdownTarget

__all__ = ["INFO", "TARGET", "Zed"]

INFO = TargetInfo(
    name="zed",
    title="Zed",
    paths=(".rules",),
    size_limit=None,
    doc_url="https://zed.dev/docs/ai/rules",
    checked="2026-11-27",
)


class Zed(MarkdownTarget):
    """One `.rules` file holding every standard (Zed reads only the first rules file).

    Scoped standards say in a line which files they apply to.
    """

    info: ClassVar[TargetInfo] = INFO


TARGET = Zed
