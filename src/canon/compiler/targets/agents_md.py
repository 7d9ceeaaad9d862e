"""AGENTS.md: the plain Markdown file Codex, Jules, Amp, opencode, Warp and others read."""

from __future__ import annotations

from typing import ClassVar

from canon.compiler.targets.base import TargetInfo
from canon.compiler.targets.common import MarkdownTarget

__all__ = ["INFO", "AgentsMd"]

INFO = TargetInfo(
    name="agents-md",
    title="AGENTS.md",
    paths=("AGENTS.md",),
    size_limit=None,
    doc_url="https://agents.md",
    checked="2026-11-27",
    scoping="",
    globs="",
)


class AgentsMd(MarkdownTarget):
    """One `AGENTS.md` at the root holding every standard; scoped ones say so in a line."""

    info: ClassVar[TargetInfo] = INFO
    combined_path: ClassVar[str | None] = "AGENTS.md"
