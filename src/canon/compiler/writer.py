"""Write generated files safely, keep the record of the files canon owns, and find drift.

Every file is rendered before anything is written. Writing goes through temporary files beside
their targets, renamed into place only once all of them were written, so an error leaves the
tree as it was. Paths are confined to the root folder and never pass through a symlink.
"""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from orjson import OPT_INDENT_2, JSONDecodeError, dumps, loads

from canon.errors import InputError, Position

__all__ = [
    "Applied",
    "Drift",
    "Plan",
    "apply_plan",
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
    """

    root: Path
    files: dict[PurePosixPath, str]
    orphans: tuple[PurePosixPath, ...] = ()


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
    """Write the plan: changed files atomically, then delete orphans.

    Args:
        plan: What to write and delete.

    Returns:
        What changed.

    Raises:
        InputError: A path is unsafe or a file cannot be written; nothing was changed.
    """
    changed = {
        relative: content
        for relative, content in sorted(plan.files.items())
        if _read_current(resolve_inside(plan.root, relative)) != content
    }
    orphans = [path for path in plan.orphans if resolve_inside(plan.root, path).exists()]
    staged = _stage(plan.root, changed)
    for temporary, target in staged:
        temporary.replace(target)
    for relative in orphans:
        resolve_inside(plan.root, relative).unlink()
    unchanged = tuple(path for path in sorted(plan.files) if path not in changed)
    return Applied(written=tuple(changed), unchanged=unchanged, deleted=tuple(orphans))


def _stage(root: Path, changed: dict[PurePosixPath, str]) -> list[tuple[Path, Path]]:
    """Write every changed file to a temporary file beside it; on failure remove them all."""
    from uuid import uuid4

    staged: list[tuple[Path, Path]] = []
    try:
        for relative, content in changed.items():
            target = resolve_inside(root, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{uuid4().hex}.tmp")
            staged.append((temporary, target))
            with temporary.open("xb") as handle:
                handle.write(content.encode("utf-8"))
    except OSError as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        where = Position(path=Path(exc.filename)) if exc.filename else None
        raise InputError(f"cannot write: {exc.strerror}", where) from None
    except InputError:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    return staged


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


type Record = dict[PurePosixPath, tuple[str, str]]


def read_record(path: Path) -> Record:
    """Read the record of generated files: each path with its standard and target.

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
        return {
            PurePosixPath(name): (entry["standard"], entry["target"])
            for name, entry in files.items()
        }
    except JSONDecodeError as exc:
        where = Position(path=path, line=exc.lineno, column=exc.colno)
        raise InputError(f"invalid JSON: {exc.msg}", where) from None
    except (KeyError, TypeError, AttributeError):
        message = "not a canon record; delete it and compile again"
        raise InputError(message, Position(path=path)) from None


def record_text(record: Record) -> str:
    """Spell a record as canon writes it: sorted, indented JSON ending with a newline.

    Args:
        record: Each generated path with its standard and target.

    Returns:
        The file's content.
    """
    files = {
        str(path): {"standard": standard, "target": target}
        for path, (standard, target) in sorted(record.items())
    }
    document = {
        "comment": "Files written by `canon compile`; it deletes them when their source goes.",
        "files": files,
    }
    return dumps(document, option=OPT_INDENT_2).decode() + "\n"
