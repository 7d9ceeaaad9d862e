"""GitHub Copilot: repository-wide and path-specific instruction files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from canon.compiler.markdown import render_body
from canon.compiler.targets.base import (
    Note,
    Output,
    Rendering,
    TargetInfo,
    frontmatter_value,
    render_document,
)

if TYPE_CHECKING:
    from canon.standards.model import Standard

__all__ = ["INFO", "Copilot"]

INFO = TargetInfo(
    name="copilot",
    title="GitHub Copilot",
    paths=(".github/copilot-instructions.md", ".github/instructions/{name}.instructions.md"),
    size_limit=None,
    doc_url="https://docs.github.com/en/copilot/how-tos/configure-custom-instructions-in-your-ide/add-repository-instructions-in-your-ide",
    checked="2026-11-27",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Copilot:
    """Copilot's two kinds of instruction file.

    Scoped standards become `.github/instructions/NAME.instructions.md` with `applyTo`;
    unscoped ones become `.github/copilot-instructions.md`.
    """

    info: TargetInfo = INFO

    def render(self, standard: Standard) -> Rendering:
        """Render a standard for Copilot.

        Args:
            standard: The standard to render.

        Returns:
            One file, and a note when a glob is written unquoted.
        """
        meta = standard.meta
        body = render_body(meta.title, standard.sections, tight_lists=meta.tight_lists)
        if not meta.applies_to:
            path = PurePosixPath(INFO.paths[0])
            return Rendering(outputs=(self._output(path, [], body, meta.id),))
        glob = ",".join(meta.applies_to)
        lines = [f"applyTo: {frontmatter_value(glob, quote=meta.quote_globs)}"]
        if meta.description:
            lines.append(f"description: {frontmatter_value(meta.description, quote=True)}")
        path = PurePosixPath(INFO.paths[1].format(name=meta.id))
        notes = () if meta.quote_globs else (_unquoted_note(glob, standard),)
        return Rendering(outputs=(self._output(path, lines, body, meta.id),), notes=notes)

    def _output(self, path: PurePosixPath, lines: list[str], body: str, name: str) -> Output:
        content = render_document(lines, body)
        return Output(path=path, content=content, standard=name, target=INFO.name)


def _unquoted_note(glob: str, standard: Standard) -> Note:
    message = (
        f"applyTo is written unquoted ({glob}) as the source asks (quote_globs: false); "
        "strict YAML parsers reject it"
    )
    return Note(message=message, where=standard.origins.get("standard.quote_globs", ""))
