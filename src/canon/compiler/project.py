"""Turn a compile request (the manifest, or folders named on the command line) into a plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from canon.checks.catalog import CHECK_IDS
from canon.compiler.layout import INSTRUCTIONS_DIR, MANIFEST, RECORD, find_root
from canon.compiler.rendering import render_target
from canon.compiler.targets import DEFAULT_TARGET, get_target, target_names
from canon.compiler.targets.base import Context
from canon.compiler.variants import apply_variant, parse_variant
from canon.compiler.writer import (
    Plan,
    RecordEntry,
    content_hash,
    read_record,
    record_text,
)
from canon.errors import InputError, Position
from canon.standards.loader import load_manifest, load_standard
from canon.standards.yamlpos import read_yaml

if TYPE_CHECKING:
    from canon.compiler.request import CompileRequest
    from canon.compiler.targets.base import Note, Output
    from canon.compiler.writer import (
        Record,
    )
    from canon.standards.model import Standard

__all__ = ["Planned", "expand_targets", "plan_compile"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Planned:
    """A plan and the notes rendering produced."""

    plan: Plan
    notes: tuple[Note, ...]


def plan_compile(request: CompileRequest) -> Planned:
    """Load the standards, render every target, and plan the files to write and delete.

    Args:
        request: What to compile.

    Returns:
        The plan, with notes for the user.

    Raises:
        InputError: An input is malformed or an output would be unsafe.
    """
    if request.standards:
        return _plan_folders(request)
    return _plan_manifest(request)


def expand_targets(names: tuple[str, ...]) -> tuple[str, ...]:
    """Expand `all` to every target, drop repeats, and sort: order never changes output.

    Args:
        names: Target names as given.

    Returns:
        The sorted, distinct names.
    """
    expanded = {
        target for name in names for target in (target_names() if name == "all" else [name])
    }
    return tuple(sorted(expanded))


def _plan_folders(request: CompileRequest) -> Planned:
    root = (request.out or request.start).resolve()
    standards = [_varied(_load(folder), request) for folder in request.standards]
    if request.targets:
        outputs, notes = _render(standards, expand_targets(request.targets), request)
    else:
        outputs, notes = _render_default(standards, request)
    files = _files(outputs)
    return Planned(plan=Plan(root=root, files=files), notes=notes)


def _varied(standard: Standard, request: CompileRequest) -> Standard:
    if request.variant == "full":
        return standard
    return apply_variant(standard, parse_variant(request.variant))


def _render_default(
    standards: list[Standard], request: CompileRequest
) -> tuple[list[Output], tuple[Note, ...]]:
    """Imported standards go back to the format they came from; the rest to the default."""
    from canon.compiler.original import render_original

    imported = [standard for standard in standards if standard.meta.source is not None]
    others = [standard for standard in standards if standard.meta.source is None]
    outputs, notes = _render(others, (DEFAULT_TARGET,), request) if others else ([], ())
    outputs.extend(render_original(standard) for standard in imported)
    return outputs, notes


def _plan_manifest(request: CompileRequest) -> Planned:
    if request.out is not None:
        raise InputError("--out goes with STANDARD_DIR...; the manifest sets its own `out`")
    root = find_root(request.start)
    manifest_path = root / MANIFEST
    manifest = load_manifest(manifest_path)
    listed = expand_targets(manifest.targets)
    targets = _asked_targets(request.targets, listed, manifest_path)
    out = _manifest_out(root, manifest_path, manifest.out)
    standards = [
        _varied(_manifest_standard(root, manifest_path, index, name), request)
        for index, name in enumerate(manifest.standards)
    ]
    outputs, notes = _render(standards, targets, request)
    prefix = out.relative_to(root)
    files = {PurePosixPath(prefix / path): content for path, content in _files(outputs).items()}
    _refuse_sources(files, root)
    new = {
        PurePosixPath(prefix / o.path): RecordEntry(
            standard=o.standard,
            target=o.target,
            digest=content_hash(files[PurePosixPath(prefix / o.path)].encode()),
        )
        for o in outputs
    }
    # a run limited by --target keeps the other listed targets' files; unlisted ones are orphans
    keep = frozenset(name for name in listed if name not in targets)
    plan = _recorded_plan(root, files, new, keep, request.adopt)
    return Planned(plan=plan, notes=notes)


def _recorded_plan(
    root: Path,
    files: dict[PurePosixPath, str],
    new: Record,
    keep: frozenset[str],
    adopt: tuple[Path, ...],
) -> Plan:
    """The plan with the record: the new entries, those kept, orphans, and what canon owns."""
    old = read_record(root / RECORD)
    kept = {path: entry for path, entry in old.items() if entry.target in keep}
    orphans = tuple(sorted(path for path in old if path not in new and path not in kept))
    owned = {path: entry.digest for path, entry in old.items()} | {RECORD: _lock_hash(root)}
    files[RECORD] = record_text(kept | new)
    return Plan(root=root, files=files, orphans=orphans, owned=owned, adopt=_adopted(adopt, root))


def _lock_hash(root: Path) -> str | None:
    """The record is canon's own file: whatever it holds, canon may replace it."""
    lock = root / RECORD
    return content_hash(lock.read_bytes()) if lock.is_file() and not lock.is_symlink() else None


def _adopted(paths: tuple[Path, ...], root: Path) -> frozenset[PurePosixPath]:
    """The `--adopt` paths, relative to the project root."""
    adopted = set()
    for path in paths:
        absolute = (path if path.is_absolute() else Path.cwd() / path).resolve()
        if not absolute.is_relative_to(root):
            raise InputError(f"--adopt {path}: outside the project {root}")
        adopted.add(PurePosixPath(absolute.relative_to(root).as_posix()))
    return frozenset(adopted)


def _asked_targets(
    names: tuple[str, ...], listed: tuple[str, ...], manifest_path: Path
) -> tuple[str, ...]:
    """The targets of this run: the manifest's, or those named (`all`: the manifest's)."""
    asked = listed if "all" in names else expand_targets(names)
    unknown = [name for name in asked if name not in listed]
    if unknown:
        raise InputError(
            f"target {unknown[0]!r} is not in the manifest", Position(path=manifest_path)
        )
    return asked or listed


def _manifest_standard(root: Path, manifest_path: Path, index: int, name: str) -> Standard:
    folder = root / INSTRUCTIONS_DIR / name
    if not folder.is_dir():
        where = read_yaml(manifest_path).position(("standards", index))
        raise InputError(f"no standard folder {INSTRUCTIONS_DIR}/{name}", where)
    return _load(folder)


def _load(folder: Path) -> Standard:
    # a rule naming a check that does not exist is an input error now, not a surprise in `check`
    return load_standard(folder, known_checks=CHECK_IDS)


def _manifest_out(root: Path, manifest_path: Path, out: str) -> Path:
    resolved = (root / out).resolve()
    if not resolved.is_relative_to(root):
        where = read_yaml(manifest_path).position(("out",))
        raise InputError(f"output path {out!r} is outside the project", where)
    return resolved


def _render(
    standards: list[Standard], targets: tuple[str, ...], request: CompileRequest
) -> tuple[list[Output], tuple[Note, ...]]:
    outputs: list[Output] = []
    notes: list[Note] = []
    names = tuple(sorted(set(targets)))
    context = Context(targets=frozenset(names), allow_oversize=request.allow_oversize)
    for name in names:
        rendering = render_target(get_target(name), standards, context)
        outputs.extend(rendering.outputs)
        notes.extend(rendering.notes)
    return outputs, tuple(notes)


def _files(outputs: list[Output]) -> dict[PurePosixPath, str]:
    files: dict[PurePosixPath, str] = {}
    owners: dict[PurePosixPath, Output] = {}
    for output in outputs:
        if output.path in owners:
            first = owners[output.path]
            message = (
                f"{output.path} would be written twice: by {first.target} for {first.standard} "
                f"and by {output.target} for {output.standard}"
            )
            raise InputError(message)
        owners[output.path] = output
        files[output.path] = output.content
    return files


def _refuse_sources(files: dict[PurePosixPath, str], root: Path) -> None:
    for path in files:
        if path.parts and path.parts[0] == INSTRUCTIONS_DIR:
            message = f"refusing to write a generated file among the sources: {path}"
            raise InputError(message, Position(path=root / MANIFEST))
