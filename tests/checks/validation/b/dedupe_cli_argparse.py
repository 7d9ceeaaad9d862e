# path: src/fstools/dedupe.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: pathlib=compliant structlog=compliant f-strings=compliant comprehensions=compliant
# expect: builtin-generics=compliant abc-imports=compliant no-any=compliant contextlib-suppress=compliant
# expect: type-checking-imports=compliant union-operator=compliant
"""Find duplicate files under a directory: `python -m fstools.dedupe PATH`."""

from __future__ import annotations

from argparse import ArgumentParser
from collections import defaultdict
from contextlib import suppress
from hashlib import blake2b
from pathlib import Path
from sys import stdout
from typing import TYPE_CHECKING

from structlog import get_logger

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["find_duplicates", "main"]

log = get_logger(__name__)

CHUNK = 1 << 20


def _digest(path: Path) -> str:
    hasher = blake2b(digest_size=20)
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            hasher.update(chunk)
    return hasher.hexdigest()


def _files(root: Path, min_size: int) -> Iterator[Path]:
    for path in root.rglob("*"):
        with suppress(PermissionError, FileNotFoundError):
            if path.is_file() and not path.is_symlink() and path.stat().st_size >= min_size:
                yield path


def find_duplicates(root: Path, min_size: int = 1) -> list[list[Path]]:
    """Group files with identical content.

    Args:
        root: The directory to scan recursively.
        min_size: Ignore files smaller than this many bytes.

    Returns:
        Groups of two or more identical files, largest files first.
    """
    by_size: defaultdict[int, list[Path]] = defaultdict(list)
    for path in _files(root, min_size):
        by_size[path.stat().st_size].append(path)
    groups: defaultdict[str, list[Path]] = defaultdict(list)
    for size, paths in by_size.items():
        if len(paths) > 1:
            for path in paths:
                groups[f"{size}:{_digest(path)}"].append(path)
    duplicates = [sorted(paths) for paths in groups.values() if len(paths) > 1]
    return sorted(duplicates, key=lambda paths: -paths[0].stat().st_size)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line tool.

    Args:
        argv: Arguments after the program name; `sys.argv` when None.

    Returns:
        0 when no duplicates were found, 1 otherwise.
    """
    parser = ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--min-size", type=int, default=1, help="ignore smaller files (bytes)")
    args = parser.parse_args(argv)
    duplicates = find_duplicates(args.root, args.min_size)
    for group in duplicates:
        stdout.write("\n".join(str(path) for path in group) + "\n\n")
    log.info("scan_finished", root=str(args.root), groups=len(duplicates))
    return 1 if duplicates else 0
