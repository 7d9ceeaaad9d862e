"""The Python standard canon ships inside its package (`canon/bundled/python/`).

It is package data, read with `importlib.resources`, so an installed canon finds it in any
folder; in canon's own repository `instructions/python` links to it.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["bundled_standard"]


def bundled_standard() -> Path:
    """The folder of the bundled Python standard.

    Returns:
        Its path; a folder that does not exist when canon runs from an archive it cannot read
        as files (a zipped install).
    """
    folder = files("canon").joinpath("bundled", "python")
    return folder if isinstance(folder, Path) else Path("canon-bundled-python-unavailable")
