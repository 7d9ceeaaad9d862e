"""Compile an imported standard back into the format, and the file, it came from."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from canon.compiler.frontmatter import MetaFields, meta_fields, parse_fields, split_frontmatter
from canon.compiler.targets import find_target, glob_key_of
from canon.compiler.targets.base import Output, render_document
from canon.compiler.targets.markdown_target import body_of, extra_lines

if TYPE_CHECKING:
    from canon.standards.model import Standard

__all__ = ["ORIGINAL", "frontmatter_agrees", "render_original"]

ORIGINAL = "original"


def frontmatter_agrees(standard: Standard) -> bool:
    """Tell whether the frontmatter kept verbatim still says what the metadata says.

    Args:
        standard: An imported standard.

    Returns:
        True when the verbatim text can be written as it is (nobody edited the globs,
        the description or the other keys since the import).
    """
    source = standard.meta.source
    if source is None:
        return False
    found, _ = split_frontmatter(source.frontmatter.replace("\r\n", "\n"))  # a mixed file's
    fields = found.fields if found else parse_fields("")
    return meta_fields(glob_key_of(source.format), fields) == _read(standard)


def _read(standard: Standard) -> MetaFields:
    meta = standard.meta
    return MetaFields(
        applies_to=meta.applies_to, description=meta.description, extra=dict(meta.frontmatter)
    )


def render_original(standard: Standard) -> Output:
    """Render an imported standard as the file it came from, named as the original.

    The verbatim frontmatter is written as it was while it agrees with the metadata;
    otherwise the format's own frontmatter is derived from the metadata.

    Args:
        standard: A standard with `meta.source`.

    Returns:
        The file, at the original name.
    """
    source = standard.meta.source
    if source is None:
        msg = "render_original needs an imported standard"
        raise ValueError(msg)
    body = body_of(standard)
    if frontmatter_agrees(standard):
        content = source.frontmatter + body
    else:
        content = render_document(_derived_lines(standard), body)
    if source.newline != "\n":
        content = content.replace("\n", source.newline)
    return Output(
        path=PurePosixPath(source.path), content=content, standard=standard.meta.id, target=ORIGINAL
    )


def _derived_lines(standard: Standard) -> list[str]:
    meta = standard.meta
    format_name = meta.source.format if meta.source else ""
    target = find_target(format_name)
    frontmatter = getattr(target, "frontmatter", None)
    if frontmatter is None or not meta.applies_to:
        return []
    lines: list[str] = frontmatter(meta, meta.applies_to)
    return [*lines, *extra_lines(meta, lines, format_name)]
