"""`canon import`: instruction files to standards that compile back to the same bytes.

Each file becomes one standard folder (`standard.yaml`, and `sections.yaml` when it has
headings) named after the file. Before anything is written, the folder is rendered to YAML,
loaded back with the real loader, and compiled in its source format; a file that would not come
back byte for byte is refused with one line. Nothing is written unless every file passes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path, PurePosixPath
from re import IGNORECASE, escape, findall
from re import compile as regex
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING

from yaml import SafeDumper, dump

from canon.compiler.frontmatter import Frontmatter, meta_fields, split_frontmatter
from canon.compiler.original import render_original
from canon.compiler.targets import glob_key_of, targets
from canon.compiler.writer import Plan, apply_plan
from canon.errors import InputError, Position
from canon.importer.parse import Parsed, parse_body
from canon.safe_write import write_files
from canon.standards.loader import load_standard
from canon.standards.model import MarkdownBlock, SourceFile, Standard, StandardMeta

if TYPE_CHECKING:
    from re import Pattern

    from yaml import ScalarNode

    from canon.compiler.writer import Applied

__all__ = ["ImportOutcome", "Imported", "detect_format", "import_files", "import_text"]

_PLAIN_SUFFIXES = (".md", ".markdown", ".txt")

META = "standard.yaml"
SECTIONS = "sections.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Imported:
    """One file turned into a standard: its folder's YAML files, by name."""

    name: str
    source_format: str
    files: dict[str, str]
    structured: bool


def detect_format(path: str) -> str:
    """Tell a file's format from its path (or its name, folders flattened with `__`).

    Args:
        path: The file's path as given, or its name.

    Returns:
        The name of the target whose `import_names` end the file's name, else of the first
        whose `import_folders` hold it (plugin targets included), else `markdown`.
    """
    lower = path.lower().replace("\\", "/").replace("__", "/")
    by_name: str | None = None
    by_folder: str | None = None
    for target in targets():
        name_matches, folder_matches = target.info.recognises(lower)
        if name_matches and by_name is None:
            by_name = target.info.name
        if folder_matches and by_folder is None:
            by_folder = target.info.name
    return by_name or by_folder or "markdown"


@cache
def _suffix() -> Pattern[str]:
    """File name endings left out of a standard's id: plain text's, and every target's."""
    endings = {
        ending for target in targets() for ending in target.info.import_names if ending[0] == "."
    }
    spelled = "|".join(escape(ending) for ending in sorted({*endings, *_PLAIN_SUFFIXES}))
    return regex(f"({spelled})$", IGNORECASE)


def _standard_id(name: str) -> str:
    stem = _suffix().sub("", name)
    words = findall(r"[a-z0-9]+", stem.lower())
    return "-".join(words) or "imported"


def _split_ending(body: str) -> tuple[str, str]:
    content = body.rstrip(" \t\n")
    return content, body[len(content) :]


def _leading_blank(body: str) -> tuple[str, str]:
    """Blank lines (and a byte order mark) before the first line, kept with the frontmatter."""
    content = body.removeprefix("\ufeff").lstrip("\n")
    stripped = body[: len(body) - len(content)]
    return stripped, content


def _frontmatter_of(text: str) -> tuple[Frontmatter | None, str]:
    """Split off the frontmatter, also where its lines end in CRLF and the rest does not.

    A file of mixed line endings keeps its bytes (the frontmatter verbatim, the body as it is),
    but its keys are still read: otherwise its globs would be lost on conversion.
    """
    found, body = split_frontmatter(text)
    if found is not None or "\r\n" not in text:
        return found, body
    normalized, _ = split_frontmatter(text.replace("\r\n", "\n"))
    if normalized is None:
        return None, text
    for cut in range(len(normalized.raw), len(text) + 1):
        if text[:cut].replace("\r\n", "\n") == normalized.raw:
            return Frontmatter(raw=text[:cut], fields=normalized.fields), text[cut:]
    return None, text


def _build(name: str, text: str, *, structured: bool, source_format: str) -> Standard:
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf == text.count("\n") == text.count("\r") else "\n"
    text = text.replace("\r\n", "\n") if newline != "\n" else text
    found, body = _frontmatter_of(text)
    raw = found.raw if found else ""
    if not found:
        lead, body = _leading_blank(body)
        raw = lead
    fields = meta_fields(glob_key_of(source_format), found.fields if found else {})
    content, ending = _split_ending(body)
    if not content:  # blank space alone: nothing to parse, kept with the frontmatter
        raw, ending = raw + ending, ""
    if structured:
        parsed = parse_body(content)
    else:
        parsed = Parsed(intro=(MarkdownBlock(markdown=content),) if content else ())
    meta = StandardMeta(
        id=_standard_id(name),
        title=parsed.title,
        applies_to=fields.applies_to,
        description=fields.description,
        frontmatter=fields.extra or {},
        quote_globs=True,
        intro=tuple(parsed.intro),
        source=SourceFile(
            format=source_format, path=name, frontmatter=raw, ending=ending, newline=newline
        ),
    )
    return Standard(meta=meta, sections=tuple(parsed.sections))


class _Dumper(SafeDumper):
    """Multi-line strings as literal blocks where YAML allows it exactly."""


_BREAKS = regex(
    "[\r\x85\u2028\u2029\ufeff]|[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _str(dumper: SafeDumper, value: str) -> ScalarNode:
    if _BREAKS.search(value):  # line breaks YAML would fold, characters it must escape
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    style = "|" if "\n" in value.rstrip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _dump(data: object) -> str:
    return dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)


def _yaml_files(standard: Standard) -> dict[str, str]:
    meta = standard.meta.model_dump(mode="json", exclude_defaults=True)
    meta["id"] = standard.meta.id
    meta["quote_globs"] = standard.meta.quote_globs
    files = {META: _dump(_hr_kept(meta))}
    if standard.sections:
        sections = [
            _hr_kept(section.model_dump(mode="json", exclude_defaults=True))
            for section in standard.sections
        ]
        files[SECTIONS] = _dump({"sections": sections})
    return files


def _hr_kept(data: object) -> object:
    """Dumping without defaults drops `hr: ---`; a block needs its key to be read back."""
    if isinstance(data, dict):
        if not data or set(data) <= {"space_before"}:
            return {"hr": "---", **data}
        return {key: _hr_kept(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_hr_kept(value) for value in data]
    return data


def _round_trip(files: dict[str, str], expected: str) -> bool:
    with TemporaryDirectory(prefix="canon-import-") as folder:
        root = Path(folder)
        write_files(
            root, {PurePosixPath(name): content.encode() for name, content in files.items()}
        )
        try:
            standard = load_standard(root)
        except InputError:
            return False
        return render_original(standard).content == expected


def import_text(name: str, text: str, *, source_format: str | None = None) -> Imported:
    """Turn one file's text into a standard's YAML files, proven to compile back exactly.

    Args:
        name: The file's name (it decides the format and the standard's id).
        text: The file's content.
        source_format: The file's format; None to tell it from the name.

    Returns:
        The standard's files.

    Raises:
        InputError: The file cannot be represented so that it comes back byte for byte.
    """
    source_format = source_format or detect_format(name)
    for structured in (True, False):
        try:
            standard = _build(name, text, structured=structured, source_format=source_format)
        except (ValueError, LookupError, TypeError, RecursionError):
            continue  # Markdown canon cannot structure: the verbatim attempt follows
        files = _yaml_files(standard)
        if _round_trip(files, text):
            return Imported(
                name=standard.meta.id,
                source_format=source_format,
                files=files,
                structured=structured,
            )
    raise InputError("cannot be imported so that it compiles back byte for byte; refused")


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportOutcome:
    """What an import did.

    Attributes:
        imported: What each file became.
        applied: What was written.
        replaced: Existing files this import replaced (only with `force`).
        left: Existing files of the standards this import did not write, left alone.
    """

    imported: tuple[Imported, ...]
    applied: Applied
    replaced: tuple[PurePosixPath, ...] = ()
    left: tuple[PurePosixPath, ...] = ()


def import_files(paths: list[Path], out: Path, *, force: bool = False) -> ImportOutcome:
    """Import files into standard folders under `out`, all or nothing.

    An existing standard folder is refused unless `force`; with it, the files import writes
    replace theirs and every other file is left alone (never deleted).

    Args:
        paths: The instruction files.
        out: The folder to write standard folders into.
        force: Replace the files of standards that exist already.

    Returns:
        What each file became, what was written, replaced and left alone.

    Raises:
        InputError: A file is unreadable or not a regular file, cannot be represented, a
            standard exists already (without `force`), or `out` is not a folder.
    """
    if out.exists() and not out.is_dir():
        raise InputError("--out must name a folder", Position(path=out))
    imported = _import_all(paths)
    files = {
        PurePosixPath(item.name, name): content
        for item in imported
        for name, content in item.files.items()
    }
    existing = _existing(out, imported)
    if existing and not force:
        first = existing[0].parts[0]
        message = (
            f"a standard {first!r} exists here already; pass --force to replace the files "
            "import writes (others are left alone), or choose another --out"
        )
        raise InputError(message, Position(path=out / first))
    out.mkdir(parents=True, exist_ok=True)
    applied = apply_plan(Plan(root=out.resolve(), files=files))
    return ImportOutcome(
        imported=tuple(imported),
        applied=applied,
        replaced=tuple(path for path in existing if path in applied.written),
        left=tuple(path for path in existing if path not in files),
    )


def _import_all(paths: list[Path]) -> list[Imported]:
    imported: list[Imported] = []
    for path in paths:
        text = _read(path)
        try:
            result = import_text(path.name, text, source_format=detect_format(path.as_posix()))
        except InputError as exc:
            raise InputError(exc.message, Position(path=path)) from None
        taken = {item.name for item in imported}
        name, counter = result.name, 2
        while name in taken:
            name, counter = f"{result.name}-{counter}", counter + 1
        imported.append(replace(result, name=name))
    return imported


def _existing(out: Path, imported: list[Imported]) -> list[PurePosixPath]:
    """The files already in the folders of the standards being imported."""
    return sorted(
        PurePosixPath(item.name, entry.name)
        for item in imported
        if (out / item.name).is_dir()
        for entry in (out / item.name).iterdir()
    )


def _read(path: Path) -> str:
    if path.exists() and not path.is_file():
        raise InputError("not a regular file; refused", Position(path=path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", Position(path=path)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = Position(path=path, line=data[: exc.start].count(b"\n") + 1)
        raise InputError("not UTF-8 text; refused", where) from None
