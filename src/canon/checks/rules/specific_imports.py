"""The `specific-imports` check.

Names are imported specifically (`from module import Name`), not `import module`.
"""

from typing import ClassVar, override

from libcst import Import, ImportFrom, ImportStar

from canon.checks.base import Check, dotted

__all__ = ["SpecificImports"]


class SpecificImports(Check):
    """Names are imported specifically (`from module import Name`), not `import module`."""

    check_id: ClassVar[str] = "specific-imports"
    summary: ClassVar[str] = "`import module` instead of `from module import Name`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Modules conventionally used qualified are flagged too."
    opportunity: ClassVar[str] = "Flag `import module`. Count `from module import Name`."

    @override
    def visit_Import(self, node: Import) -> None:
        """Flag `import module`."""
        for alias in node.names:
            name = dotted(alias.name)
            self.flag(alias, f"`import {name}`; import the names you use (`from {name} import`)")

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Count `from module import Name`."""
        if not isinstance(node.names, ImportStar):
            self.ok()
