"""Answer `canon compile --check` from a local cache when nothing it depends on has changed.

`--check` runs in pre-commit hooks on every commit, where the sources rarely change. When the
fingerprint of everything a compile reads (the manifest and every YAML file of `instructions/`,
canon's own code and version, the installed distributions, target plugins among them) matches
the one recorded by the last compile or clean check, and every generated file still has the
hash recorded then, the files are up to date: nothing needs to be parsed. Any difference falls
back to the full check. The cache lives in `.canon-cache/` at the project root, which ignores
itself for git.
"""

from __future__ import annotations

from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path, PurePosixPath

from orjson import dumps, loads

from canon.cache import CACHE_DIR, store

__all__ = ["Fresh", "cached_verdict", "fingerprint", "remember"]

_CACHE_FILE = "compile.json"


def fingerprint(root: Path) -> str:
    """Digest everything a manifest compile reads.

    Args:
        root: The project root.

    Returns:
        A hex digest that changes whenever a source, canon, or a target plugin changes.
    """
    from canon import __file__ as package_init
    from canon import __version__

    digest = sha256(__version__.encode())
    instructions = root / "instructions"
    for path in sorted([*instructions.glob("*.yaml"), *instructions.glob("*/*.yaml")]):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    package = Path(package_init).parent
    for path in sorted(package.rglob("*.py")):
        status = path.stat()
        digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}".encode())
    digest.update(_plugins().encode())
    return digest.hexdigest()


def _plugins() -> str:
    """Name every installed distribution with its version (target plugins among them).

    Listing the `*.dist-info` folders on `sys.path` catches any install, upgrade or removal
    at a fraction of the cost of reading every distribution's entry points.
    """
    from sys import path as search_path

    names = [
        entry.name
        for folder in search_path
        if folder and Path(folder).is_dir()
        for entry in Path(folder).glob("*.dist-info")
    ]
    return ";".join(sorted(names))


def _file_hash(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Fresh:
    """A cached answer: every generated file is up to date."""

    files: int
    notes: tuple[str, ...]


def cached_verdict(root: Path) -> Fresh | None:
    """Tell whether the last compile's outputs are still fresh, without loading any source.

    Args:
        root: The project root.

    Returns:
        The number of generated files and the notes the full compile printed, when every
        generated file is known fresh; None when the cache cannot tell (run the full check).
    """
    try:
        entry = loads((root / CACHE_DIR / _CACHE_FILE).read_bytes())
        if entry["fingerprint"] != fingerprint(root):
            return None
        files: dict[str, str] = entry["files"]
        if any(_file_hash(root / name) != digest for name, digest in files.items()):
            return None
        return Fresh(files=len(files), notes=tuple(entry["notes"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(root: Path, files: dict[PurePosixPath, str], notes: tuple[str, ...]) -> None:
    """Record that these outputs are fresh for the current fingerprint.

    Args:
        root: The project root.
        files: Every generated file with its content.
        notes: The notes to print again on a cached answer.
    """
    hashes = {
        str(path): sha256(content.encode("utf-8")).hexdigest()
        for path, content in sorted(files.items())
    }
    entry = {"fingerprint": fingerprint(root), "files": hashes, "notes": list(notes)}
    try:
        data = dumps(entry)
    except TypeError:  # orjson refuses a lone surrogate in a path
        return
    store(root / CACHE_DIR, {PurePosixPath(_CACHE_FILE): data})
