"""Where an eval finds its inputs: the project's standards and its task bank."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from canon.errors import InputError, Position
from canon.evals.bank import load_bank
from canon.standards.loader import load_manifest, load_standard

if TYPE_CHECKING:
    from pathlib import Path

    from canon.evals.bank import TaskBank
    from canon.standards.model import Standard

__all__ = ["EvalProject", "checked_rules", "find_eval_root"]

TASKS_DIR = "tasks"
INSTRUCTIONS_DIR = "instructions"


def find_eval_root(start: Path) -> Path:
    """Find the project root: the nearest folder, upwards, holding `tasks/` and `instructions/`.

    Args:
        start: Where to start looking.

    Returns:
        The resolved root.

    Raises:
        InputError: No such folder up to the file system's root.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / TASKS_DIR).is_dir() and (folder / INSTRUCTIONS_DIR).is_dir():
            return folder
    message = f"no {TASKS_DIR}/ and {INSTRUCTIONS_DIR}/ folders here or in any parent folder"
    raise InputError(message, Position(path=start))


def checked_rules(standards: tuple[Standard, ...]) -> dict[str, str]:
    """Map every rule that has a check to its check id.

    Args:
        standards: The project's standards.

    Returns:
        Rule id to check id, in document order.
    """
    return {
        rule.id: rule.check for standard in standards for rule in standard.rules() if rule.check
    }


@dataclass(  # canon: ignore[modern.dataclass-options] cached_property needs a __dict__
    frozen=True, kw_only=True
)
class EvalProject:
    """A project's eval inputs, loaded on first use."""

    root: Path

    @cached_property
    def standards(self) -> tuple[Standard, ...]:
        """The standards under `instructions/`: the manifest's, or every folder with one.

        Returns:
            The loaded standards.
        """
        folder = self.root / INSTRUCTIONS_DIR
        manifest = folder / "canon.yaml"
        if manifest.is_file():
            names = load_manifest(manifest).standards
            return tuple(load_standard(folder / name) for name in names)
        found = sorted(path.parent for path in folder.glob("*/standard.yaml"))
        if not found:
            raise InputError("no standard in the folder", Position(path=folder))
        return tuple(load_standard(path) for path in found)

    @cached_property
    def rules(self) -> dict[str, str]:
        """Rule id to check id for every checked rule.

        Returns:
            The mapping.
        """
        return checked_rules(self.standards)

    @cached_property
    def bank(self) -> TaskBank:
        """The task bank, validated against the rules.

        Returns:
            The bank.
        """
        return load_bank(self.root / TASKS_DIR, rules=self.rules)
