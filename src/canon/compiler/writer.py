"""Write generated files safely, keep the record of the files canon owns, and find drift.

Every file is rendered before anything is written, and the whole set goes through the safe
writer: all or nothing, inside the root, never through a symlink. The record (`canon.lock`)
holds the SHA-256 of every file canon wrote. A compile replaces or deletes a file only when its
bytes still have the recorded hash (or already are what canon would write, or the user passed
`--adopt` for it): a hand-written file, or one edited since, stops the run before anything is
written, with one line naming it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Literal

from orjson import OPT_INDENT_2, JSONDecodeError, dumps, loads

from canon.errors import InputError, Position
from canon.safe_write import delete_files, write_files

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

__all__ = [
    "Applied",
    "Drift",
    "Plan",
    "Record",
    "RecordEntry",
    "apply_plan",
    "claim_problems",
    "content_hash",
    "find_drift",
    "read_record",
    "record_text",
    "resolve_inside",
]

type DriftKind = Literal["stale", "missing", "orphaned"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """Everything one compile should leave on disk.

    Attributes:
        root: The folder every path is relative to (resolved).
        files: Each file to write, by path, with its whole content.
        orphans: Files canon generated before whose source is gone: to delete.
        owned: With a record: each path it lists, with the hash canon wrote (None when an
            older record holds none). None: no record guards this compile (`--out`).
        adopt: Paths the user lets canon replace or delete whatever they hold.
    """

    root: Path
    files: dict[PurePosixPath, str]
    orphans: tuple[PurePosixPath, ...] = ()
    owned: Mapping[PurePosixPath, str | None] | None = None
    adopt: frozenset[PurePosixPath] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True, kw_only=True)
class Drift:
    """A generated file that does not match its source: with the diff that would fix it."""

    kind: DriftKind
    path: PurePosixPath
    diff: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Applied:
    """What a compile changed on disk."""

    written: tuple[PurePosixPath, ...]
    unchanged: tuple[PurePosixPath, ...]
    deleted: tuple[PurePosixPath, ...]


def resolve_inside(root: Path, relative: PurePosixPath) -> Path:
    """Turn a generated path into a real one, refusing escapes and symlinks.

    Args:
        root: The resolved root folder.
        relative: A path relative to it.

    Returns:
        The absolute path.

    Raises:
        InputError: The path leaves the root or passes through a symlink.
    """
    if relative.is_absolute() or ".." in relative.parts:
        raise InputError(f"refusing to write outside {root}: {relative}")
    current = root
    for part in relative.parts:
        current /= part
        if current.is_symlink():
            raise InputError("refusing to write through a symlink", Position(path=current))
    return current


def find_drift(plan: Plan) -> list[Drift]:
    """Compare what is on disk with the plan, without writing anything.

    Args:
        plan: What a compile would write and delete.

    Returns:
        Each stale, missing or orphaned file, in path order.
    """
    drift: list[Drift] = []
    for relative, content in sorted(plan.files.items()):
        path = resolve_inside(plan.root, relative)
        current = _read_current(path)
        if current is None:
            drift.append(Drift(kind="missing", path=relative, diff=_diff("", content, relative)))
        elif current != content:
            drift.append(Drift(kind="stale", path=relative, diff=_diff(current, content, relative)))
    for relative in plan.orphans:
        current = _read_current(resolve_inside(plan.root, relative))
        if current is not None:
            diff = _diff(current, "", relative)
            drift.append(Drift(kind="orphaned", path=relative, diff=diff))
    return sorted(drift, key=lambda item: item.path)


def apply_plan(plan: Plan) -> Applied:
    """Write the plan: every changed file at once, then delete orphans.

    Args:
        plan: What to write and delete.

    Returns:
        What changed.

    Raises:
        InputError: A path is unsafe, a file cannot be written, or a file to replace or delete
            is not canon's; nothing was changed.
    """
    _check_claims(plan)
    changed = {
        relative: content
        for relative, content in sorted(plan.files.items())
        if _read_current(resolve_inside(plan.root, relative)) != content
    }
    orphans = [path for path in plan.orphans if resolve_inside(plan.root, path).exists()]
    if changed:
        plan.root.mkdir(parents=True, exist_ok=True)
        write_files(plan.root, {path: content.encode() for path, content in changed.items()})
    delete_files(plan.root, orphans)
    unchanged = tuple(path for path in sorted(plan.files) if path not in changed)
    return Applied(written=tuple(changed), unchanged=unchanged, deleted=tuple(orphans))


def content_hash(data: bytes) -> str:
    """The hash the record keeps of a file canon wrote.

    Args:
        data: The file's bytes.

    Returns:
        `sha256:` and the hex digest.
    """
    return f"sha256:{sha256(data).hexdigest()}"


def _check_claims(plan: Plan) -> None:
    """Refuse to replace or delete a file that canon cannot prove it wrote."""
    for relative in plan.adopt:
        if relative not in plan.files and relative not in plan.orphans:
            message = f"--adopt {relative}: this compile neither writes nor deletes it"
            raise InputError(message)
    problems = claim_problems(plan)
    if problems:
        raise problems[0]


def claim_problems(plan: Plan) -> list[InputError]:
    """The files this compile would replace or delete without proof that canon wrote them.

    Args:
        plan: What a compile would write and delete.

    Returns:
        One error per such file, in path order (none without a record to guard the compile).
    """
    if plan.owned is None:
        return []
    problems: list[InputError] = []
    touched = [
        *((path, content.encode()) for path, content in sorted(plan.files.items())),
        *((path, None) for path in plan.orphans),
    ]
    for relative, new in touched:
        path = resolve_inside(plan.root, relative)
        if relative in plan.adopt or not path.is_file() or path.is_symlink():
            continue
        current = path.read_bytes()
        if current != new and plan.owned.get(relative) != content_hash(current):
            message = _claim_message(relative, plan, deleting=new is None)
            problems.append(InputError(message, Position(path=path)))
    return problems


def _claim_message(relative: PurePosixPath, plan: Plan, *, deleting: bool) -> str:
    action = "delete" if deleting else "replace"
    if relative not in plan.owned:
        why = "exists and canon did not write it"
    elif plan.owned[relative] is None:
        why = "has no hash in canon.lock, so canon cannot tell it wrote it"
    else:
        why = "was edited since canon wrote it (its hash differs from canon.lock)"
    return f"{why}; pass --adopt {relative} to let canon {action} it, or move it away"


def _read_current(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except IsADirectoryError:
        raise InputError(
            "a folder stands where a generated file goes", Position(path=path)
        ) from None


def _diff(before: str, after: str, relative: PurePosixPath) -> str:
    from difflib import unified_diff

    source = f"a/{relative}" if before else "/dev/null"
    target = f"b/{relative}" if after else "/dev/null"
    lines = unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=source,
        tofile=target,
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordEntry:
    """One generated file in the record.

    Attributes:
        standard: The standard (or standards, comma-separated) it holds.
        target: The target that wrote it.
        digest: The hash of the bytes canon wrote (`sha256:...`); None in older records.
    """

    standard: str
    target: str
    digest: str | None = None


type Record = dict[PurePosixPath, RecordEntry]


def read_record(path: Path) -> Record:
    """Read the record of generated files: each path with its standard, target and hash.

    Args:
        path: The record file; a missing file is an empty record.

    Returns:
        The record.

    Raises:
        InputError: The record is not the JSON canon writes.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        files = loads(text)["files"]
        return {PurePosixPath(name): _entry(entry) for name, entry in files.items()}
    except JSONDecodeError as exc:
        where = Position(path=path, line=exc.lineno, column=exc.colno)
        raise InputError(f"invalid JSON: {exc.msg}", where) from None
    except (KeyError, TypeError, AttributeError, ValueError):
        message = "not a canon record; delete it and compile again"
        raise InputError(message, Position(path=path)) from None


def _entry(entry: dict[str, str]) -> RecordEntry:
    digest = entry.get("sha256")
    if digest is not None and not isinstance(digest, str):
        raise TypeError(digest)
    return RecordEntry(
        standard=entry["standard"],
        target=entry["target"],
        digest=None if digest is None else f"sha256:{digest}",
    )


def record_text(record: Record) -> str:
    """Spell a record as canon writes it: sorted, indented JSON ending with a newline.

    Args:
        record: Each generated path with its standard, target and hash.

    Returns:
        The file's content.
    """
    files = {
        str(path): {"standard": entry.standard, "target": entry.target}
        | ({"sha256": entry.digest.removeprefix("sha256:")} if entry.digest else {})
        for path, entry in sorted(record.items())
    }
    document = {
        "comment": (
            "Files written by `canon compile`, with the SHA-256 of what it wrote: it replaces "
            "or deletes a file only while the file still has that hash."
        ),
        "files": files,
    }
    return dumps(document, option=OPT_INDENT_2).decode() + "\n"
