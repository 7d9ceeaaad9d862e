"""What a compile is asked to do: light enough to build before deciding to load anything."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["CompileRequest"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CompileRequest:
    """What the user asked to compile.

    Attributes:
        standards: Standard folders named on the command line; empty to use the manifest.
        targets: Targets to write; empty for the manifest's (or `copilot` without one).
        out: The output folder for standards named on the command line.
        start: Where to look for the project (its `instructions/canon.yaml`) from.
        variant: The instruction variant to write (`full`, `condensed`, `keep:ID,...`,
            `drop:ID,...`, `budget:N`).
        allow_oversize: Write files over a target's size limit instead of failing.
        adopt: Files canon may replace or delete although it cannot prove it wrote them.
    """

    standards: tuple[Path, ...] = ()
    targets: tuple[str, ...] = ()
    out: Path | None = None
    start: Path = Path()
    variant: str = "full"
    allow_oversize: bool = False
    adopt: tuple[Path, ...] = ()
