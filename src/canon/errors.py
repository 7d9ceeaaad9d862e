"""Errors a user can cause, each carrying where it happened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["CanonError", "InputError", "Position", "display_path"]


def display_path(path: Path) -> str:
    """Show a path relative to the working folder when it lies below it.

    Args:
        path: Any path.

    Returns:
        The shortest faithful spelling of the path, with forward slashes.
    """
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True, slots=True, kw_only=True)
class Position:
    """A place in a file: 1-based line and column."""

    path: Path
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        """Render as `path:line:col`, leaving out what is unknown.

        Returns:
            The position as editors and terminals link it.
        """
        place = display_path(self.path)
        if self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        return place


class CanonError(Exception):
    """Base of canon's errors: something the user can fix, told in one line."""

    exit_code: int = 2


class InputError(CanonError):
    """Bad input (a file, an argument), with the position it was found at."""

    def __init__(self, message: str, position: Position | None = None) -> None:
        """Create the error.

        Args:
            message: What is wrong, as one sentence without a trailing period.
            position: Where it is wrong, when a file is involved.
        """
        self.message = message
        self.position = position
        super().__init__(f"{position}: {message}" if position else message)
