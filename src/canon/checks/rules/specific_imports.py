"""The `specific-imports` check.

Names are imported specifically (`from module import Name`), not `import module`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import ImportStar

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import Import, ImportFrom

__all__ = ["SpecificImports"]


_QUALIFIED = frozenset({"structlog", "threading"})


class SpecificImports(Check):
    """Names are imported specifically (`from module import Name`), not `import module`.

    `structlog` and `threading` are exempt: the standard's own examples write
    `import structlog` (`structlog.configure`, `structlog.processors...`) and
    `import threading`.
    """

    check_id: ClassVar[str] = "specific-imports"
    summary: ClassVar[str] = "`import module` instead of `from module import Name`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Modules conventionally used qualified are flagged too, except `structlog` and "
        "`threading`, which the standard's own examples import whole."
    )
    opportunity: ClassVar[str] = (
        "Every import statement naming a module. Followed: `from module import Name`, or "
        "`import structlog`/`import threading` (exempt). Broken: `import module`."
    )

    @override
    def visit_Import(self, node: Import) -> None:
        """Flag `import module`."""
        for alias in node.names:
            name = dotted(alias.name)
            if name.partition(".")[0] in _QUALIFIED:
                self.ok()
                continue
            self.flag(alias, f"`import {name}`; import the names you use (`from {name} import`)")

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Count `from module import Name`."""
        if not isinstance(node.names, ImportStar):
            self.ok()
