"""canon's cache folder, `.canon-cache/` at a project's root, written through the safe writer.

The compile freshness cache and the check results cache keep their entries here. The folder
ignores itself for git. A cache that cannot be written safely (a symlinked folder or entry) is
skipped, never written through: a cache only saves time.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from canon.errors import InputError
from canon.safe_write import write_files

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

__all__ = ["CACHE_DIR", "store"]

CACHE_DIR = ".canon-cache"
_IGNORE = ".gitignore"


def store(folder: Path, entries: Mapping[PurePosixPath, bytes]) -> bool:
    """Write cache entries, and the folder's `.gitignore` when it has none.

    Args:
        folder: The cache folder (a project's `.canon-cache`, or any folder a caller names).
        entries: Each entry's path inside the cache folder, with its bytes.

    Returns:
        True when written; False when the cache could not be written safely (skipped).
    """
    files = {PurePosixPath(folder.name, path): data for path, data in entries.items()}
    ignore = folder / _IGNORE
    if not ignore.is_file() or ignore.is_symlink():
        files[PurePosixPath(folder.name, _IGNORE)] = b"*\n"
    try:
        write_files(folder.parent, files, durable=False)
    except InputError:
        return False
    return True
