"""Continue: rules in `.continue/rules/NAME.md`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.compiler.targets.base import TargetInfo, frontmatter_value
from canon.compiler.targets.markdown_target import MarkdownTarget, yaml_list

if TYPE_CHECKING:
    from canon.standards.model import StandardMeta

__all__ = ["INFO", "TARGET", "Continue"]

INFO = TargetInfo(
    name="continue",
    title="Continue",
    paths=(".continue/rules/{name}.md",),
    size_limit=None,
    doc_url="https://github.com/continuedev/continue/blob/main/docs/customize/deep-dives/rules.mdx",
    checked="2026-11-27",
    frontmatter=("name", "globs", "description", "alwaysApply"),
    scoping="globs: with alwaysApply: false",
    globs="YAML list of quoted globs",
    splits=True,
    glob_key="globs",
    import_folders=(".continue/rules/",),
)


class Continue(MarkdownTarget):
    """One rule file per standard: `name`, `globs`, `description`, `alwaysApply`."""

    info: ClassVar[TargetInfo] = INFO

    @override
    def frontmatter(self, meta: StandardMeta, globs: tuple[str, ...]) -> list[str]:
        """`name`, `globs` (a list), `description`, `alwaysApply`."""
        lines = [f"name: {frontmatter_value(meta.title or meta.id, quote=True)}"]
        lines.extend(yaml_list("globs", globs) if globs else [])
        if meta.description:
            lines.append(f"description: {frontmatter_value(meta.description, quote=True)}")
        lines.append(f"alwaysApply: {'false' if globs else 'true'}")
        return lines


TARGET = Continue
