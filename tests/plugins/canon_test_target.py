"""A third-party target, registered through the `canon.targets` entry point group."""

from __future__ import annotations

from pathlib import PurePosixPath

from canon.compiler.targets.base import Output, Rendering, TargetInfo

__all__ = ["Shout"]

INFO = TargetInfo(
    name="shout",
    title="Shout",
    paths=("SHOUT.md",),
    size_limit=None,
    doc_url="https://example.invalid/shout",
    checked="2026-11-27",
)


class Shout:
    """Writes every rule in capitals: only `render`, as the minimal protocol asks."""

    info = INFO

    def __repr__(self):
        return f"{type(self).__name__}(name={self.info.name!r})"

    def render(self, standard):
        text = "\n".join(rule.text.upper() for rule in standard.rules()) + "\n"
        output = Output(
            path=PurePosixPath(f"SHOUT-{standard.meta.id}.md"),
            content=text,
            standard=standard.meta.id,
            target="shout",
        )
        return Rendering(outputs=(output,))
