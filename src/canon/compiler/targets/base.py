"""What every assistant target shares: its facts as data, and the files it renders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from orjson import dumps

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import PurePosixPath

    from canon.standards.model import Standard

__all__ = [
    "Context",
    "Note",
    "Output",
    "Rendering",
    "Target",
    "TargetInfo",
    "frontmatter_value",
    "plain_safe",
    "render_document",
]

# a plain YAML scalar may not start with these
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetInfo:
    """Facts about an assistant's instruction format, kept as data.

    Attributes:
        name: The target's name on the command line (`copilot`).
        title: The assistant's name for people.
        paths: The path patterns it writes, `{name}` standing for the standard's id.
        size_limit: The most characters one file may hold; None when no limit is documented.
        doc_url: Where the format is documented.
        checked: The date the format was last checked against that documentation.
        frontmatter: The frontmatter keys canon writes, in order (empty: none).
        scoping: How the format limits a file to some paths (empty: it cannot).
        globs: How globs are spelled in the frontmatter (empty: not at all).
        splits: Whether the format reads several files, so a standard can be split by section.
        glob_key: The frontmatter key `canon import` reads a file's globs from (empty: none).
        import_names: File name endings `canon import` recognises as this format
            (`.instructions.md`), lower case; they win over folders.
        import_folders: Folders `canon import` recognises as this format (`.cursor/rules/`).
    """

    name: str
    title: str
    paths: tuple[str, ...]
    size_limit: int | None
    doc_url: str
    checked: str
    frontmatter: tuple[str, ...] = ()
    scoping: str = ""
    globs: str = ""
    splits: bool = False
    glob_key: str = ""
    import_names: tuple[str, ...] = ()
    import_folders: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The facts as a JSON object (`canon targets --format json`).

        Returns:
            Every field, by name.
        """
        return {
            "name": self.name,
            "title": self.title,
            "paths": list(self.paths),
            "size_limit": self.size_limit,
            "doc_url": self.doc_url,
            "checked": self.checked,
            "frontmatter": list(self.frontmatter),
            "scoping": self.scoping,
            "globs": self.globs,
            "splits": self.splits,
        }

    @property
    def combined_path(self) -> str | None:
        """The one file unscoped standards share: the first path without `{name}`.

        Returns:
            The path, or None when each standard has its own file.
        """
        return next((path for path in self.paths if "{name}" not in path), None)

    @property
    def scoped_path(self) -> str | None:
        """The per-standard file, `{name}` standing for the standard's id.

        Returns:
            The path pattern, or None when every standard goes into the combined file.
        """
        return next((path for path in self.paths if "{name}" in path), None)

    @property
    def can_scope(self) -> bool:
        """Whether a per-standard file can limit itself to globs (the format has `scoping`).

        Returns:
            True when the format scopes files.
        """
        return bool(self.scoping)

    def recognises(self, path: str) -> tuple[bool, bool]:
        """Tell whether `canon import` reads a file as this format, by its name or its folder.

        Args:
            path: The file's path, lower case, with `/` separators.

        Returns:
            Whether its name ends as this format's files do, and whether it lies in one of
            this format's folders.
        """
        name = path.rsplit("/", 1)[-1]
        by_name = bool(self.import_names) and name.endswith(self.import_names)
        return by_name, any(folder in path for folder in self.import_folders)


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What a target may need to know beyond one standard.

    Attributes:
        targets: Every target written by this compile (CLAUDE.md imports AGENTS.md when both
            are written).
        allow_oversize: Write files over a target's size limit (with a warning) instead of
            failing.
    """

    targets: frozenset[str] = frozenset()
    allow_oversize: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Output:
    """One file a target writes, relative to the output folder."""

    path: PurePosixPath
    content: str
    standard: str
    target: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """Something the user should know about a rendering: a fallback, a risky spelling."""

    message: str
    where: str = ""

    def __str__(self) -> str:
        """Render as `where: message`.

        Returns:
            The note as one line.
        """
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendering:
    """What a target made of one standard."""

    outputs: tuple[Output, ...]
    notes: tuple[Note, ...] = ()


class Target(Protocol):
    """An assistant format: its facts, and how standards become its files.

    canon's own targets implement both methods. A plugin may implement only `info` and
    `render`: the compiler then renders each standard on its own.
    """

    @property
    def info(self) -> TargetInfo:
        """The format's facts."""
        ...

    def render(self, standard: Standard) -> Rendering:
        """Render one standard as this assistant's files.

        Args:
            standard: The standard to render.

        Returns:
            The files and any notes for the user.
        """
        ...

    def render_all(self, standards: Sequence[Standard], context: Context) -> Rendering:
        """Render every standard of a compile (formats with one file combine them).

        Args:
            standards: The standards, in the order they were named.
            context: What else this compile writes, and what it allows.

        Returns:
            The files and any notes for the user.
        """
        ...


def frontmatter_value(value: str, *, quote: bool) -> str:
    """Spell a frontmatter string, quoted (valid YAML) or as written by hand.

    Args:
        value: The string.
        quote: Double-quote it, escaping as JSON does (a subset of YAML).

    Returns:
        The spelling.
    """
    return dumps(value).decode() if quote else value


def plain_safe(value: str) -> bool:
    """Tell whether YAML reads a string back unchanged when it is written unquoted.

    Args:
        value: The string.

    Returns:
        False when it holds a `: `, a ` #` or a line break, starts with an indicator, or has
        spaces around it.
    """
    return not (
        value != value.strip()
        or value[:1] in _INDICATORS
        or any(mark in value for mark in (": ", " #", "\n", "\t", "\r"))
        or value.endswith(":")
    )


def render_document(frontmatter: list[str], body: str) -> str:
    """Put a document together: a frontmatter block (when there are lines) and the body.

    Args:
        frontmatter: The frontmatter's lines, without the `---` fences.
        body: The Markdown body.

    Returns:
        The whole file.
    """
    if not frontmatter:
        return body
    return "---\n" + "".join(f"{line}\n" for line in frontmatter) + "---\n\n" + body
