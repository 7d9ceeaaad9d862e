"""The `wildcard-import` check: names are imported explicitly, never `from x import *`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import ImportStar

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import ImportFrom

__all__ = ["WildcardImport"]


class WildcardImport(Check):
    """Names are imported explicitly, never `from x import *`."""

    check_id: ClassVar[str] = "wildcard-import"
    summary: ClassVar[str] = "`from module import *`."
    opportunity: ClassVar[str] = "Flag `import *`."

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Flag `import *`."""
        if isinstance(node.names, ImportStar):
            module = dotted(node.module) if node.module else "."
            self.flag(node, f"`from {module} import *`; import the names you use")
        else:
            self.ok()
