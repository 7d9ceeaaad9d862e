"""The `dunder-all` check: a module with public names declares them in `__all__`."""

from pathlib import PurePath
from typing import ClassVar, override

from libcst import (
    AnnAssign,
    Assign,
    AugAssign,
    BaseExpression,
    ClassDef,
    FunctionDef,
    Module,
    SimpleStatementLine,
)

from canon.checks.base import Check, dotted

__all__ = ["DunderAll"]


def _exempt_module(path: str) -> bool:
    name = PurePath(path).name
    return name in {"__main__.py", "conftest.py", "setup.py"} or name.startswith("test_")


def _public_names(module: Module) -> list[str]:
    names: list[str] = []
    for statement in module.body:
        if isinstance(statement, FunctionDef | ClassDef):
            names.append(statement.name.value)
        elif isinstance(statement, SimpleStatementLine):
            for small in statement.body:
                targets = small.targets if isinstance(small, Assign) else ()
                names.extend(dotted(t.target) for t in targets)
                if isinstance(small, AnnAssign):
                    names.append(dotted(small.target))
    return [name for name in names if name and not name.startswith("_")]


def _assigned(module: Module) -> list[BaseExpression]:
    found: list[BaseExpression] = []
    for statement in module.body:
        if isinstance(statement, SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, Assign):
                    found.extend(t.target for t in small.targets)
                elif isinstance(small, AnnAssign | AugAssign):
                    found.append(small.target)
    return found


class DunderAll(Check):
    """A module with public names declares them in `__all__`."""

    check_id: ClassVar[str] = "dunder-all"
    summary: ClassVar[str] = "A module with public names and no `__all__`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Scripts and test modules are exempt by name only."
    opportunity: ClassVar[str] = "Judge the module."

    @override
    def visit_Module(self, node: Module) -> None:
        """Judge the module."""
        if _exempt_module(self.context.path):
            return
        names = _public_names(node)
        declared = "__all__" in {dotted(s) for s in _assigned(node)}
        if declared:
            self.ok()
        elif names:
            shown = ", ".join(names[:3])
            self.flag(node, f"public names ({shown}...) but no `__all__`; declare the API")
