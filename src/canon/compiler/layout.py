"""Where a project keeps its sources and records, and how canon finds the project root."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from canon.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["INSTRUCTIONS_DIR", "MANIFEST", "RECORD", "find_root"]

INSTRUCTIONS_DIR = "instructions"
MANIFEST = PurePosixPath(INSTRUCTIONS_DIR, "canon.yaml")
RECORD = PurePosixPath(INSTRUCTIONS_DIR, "canon.lock")


def find_root(start: Path) -> Path:
    """Find the project root: the nearest folder, upwards, holding `instructions/canon.yaml`.

    Args:
        start: Where to start looking.

    Returns:
        The resolved project root.

    Raises:
        InputError: No folder up to the file system's root holds a manifest.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / MANIFEST).is_file():
            return folder
    message = f"no {MANIFEST} here or in any parent folder (or name STANDARD_DIR... and --target)"
    raise InputError(message)
