"""Turn a compile request (the manifest, or folders named on the command line) into a plan."""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from canon.compiler.layout import INSTRUCTIONS_DIR, MANIFEST, RECORD, find_root
from canon.compiler.targets import get_target
from canon.compiler.targets.base import Note, Output
from canon.compiler.writer import Plan, read_record, record_text
from canon.standards.errors import InputError, Position
from canon.standards.loader import load_manifest, load_standard
from canon.standards.model import Standard
from canon.standards.yamlpos import read_yaml

__all__ = ["CompileRequest", "Planned", "plan_compile"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CompileRequest:
    """What the user asked to compile.

    Attributes:
        standards: Standard folders named on the command line; empty to use the manifest.
        targets: Targets to write; empty for the manifest's (or `copilot` without one).
        out: The output folder for standards named on the command line.
        start: Where to look for the project (its `instructions/canon.yaml`) from.
    """

    standards: tuple[Path, ...] = ()
    targets: tuple[str, ...] = ()
    out: Path | None = None
    start: Path = Path()


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


def _plan_folders(request: CompileRequest) -> Planned:
    root = (request.out or request.start).resolve()
    standards = [load_standard(folder) for folder in request.standards]
    outputs, notes = _render(standards, request.targets or ("copilot",))
    files = _files(outputs)
    return Planned(plan=Plan(root=root, files=files), notes=notes)


def _plan_manifest(request: CompileRequest) -> Planned:
    if request.out is not None:
        raise InputError("--out goes with STANDARD_DIR...; the manifest sets its own `out`")
    root = find_root(request.start)
    manifest_path = root / MANIFEST
    manifest = load_manifest(manifest_path)
    unknown = [name for name in request.targets if name not in manifest.targets]
    if unknown:
        raise InputError(
            f"target {unknown[0]!r} is not in the manifest", Position(path=manifest_path)
        )
    targets = request.targets or manifest.targets
    out = _manifest_out(root, manifest_path, manifest.out)
    standards = [
        _manifest_standard(root, manifest_path, index, name)
        for index, name in enumerate(manifest.standards)
    ]
    outputs, notes = _render(standards, targets)
    prefix = out.relative_to(root)
    files = {PurePosixPath(prefix / path): content for path, content in _files(outputs).items()}
    _refuse_sources(files, root)
    record_path = root / RECORD
    old = read_record(record_path)
    kept = {path: owner for path, owner in old.items() if owner[1] not in targets}
    new = {PurePosixPath(prefix / o.path): (o.standard, o.target) for o in outputs}
    orphans = tuple(sorted(path for path in old if path not in new and path not in kept))
    files[RECORD] = record_text(kept | new)
    return Planned(plan=Plan(root=root, files=files, orphans=orphans), notes=notes)


def _manifest_standard(root: Path, manifest_path: Path, index: int, name: str) -> Standard:
    folder = root / INSTRUCTIONS_DIR / name
    if not folder.is_dir():
        where = read_yaml(manifest_path).position(("standards", index))
        raise InputError(f"no standard folder {INSTRUCTIONS_DIR}/{name}", where)
    return load_standard(folder)


def _manifest_out(root: Path, manifest_path: Path, out: str) -> Path:
    resolved = (root / out).resolve()
    if not resolved.is_relative_to(root):
        where = read_yaml(manifest_path).position(("out",))
        raise InputError(f"output path {out!r} is outside the project", where)
    return resolved


def _render(
    standards: list[Standard], targets: tuple[str, ...]
) -> tuple[list[Output], tuple[Note, ...]]:
    outputs: list[Output] = []
    notes: list[Note] = []
    for name in sorted(set(targets)):
        target = get_target(name)
        for standard in standards:
            rendering = target.render(standard)
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
