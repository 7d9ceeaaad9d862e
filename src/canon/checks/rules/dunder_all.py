"""The `dunder-all` check: a module with public names declares them in `__all__`."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    AnnAssign,
    Assign,
    AugAssign,
    ClassDef,
    Comparison,
    FunctionDef,
    If,
    SimpleStatementLine,
    SimpleString,
)

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import (
        BaseExpression,
        Module,
    )

__all__ = ["DunderAll"]


# Folders of scripts: files run, never imported, so without a public API.
_SCRIPT_FOLDERS = frozenset({"scripts", "bin"})


def _exempt_module(path: str) -> bool:
    pure = PurePath(path)
    name = pure.name
    if name in {"__main__.py", "conftest.py", "setup.py"} or name.startswith("test_"):
        return True
    return any(part in _SCRIPT_FOLDERS for part in pure.parts[:-1])


def _runs_as_main(module: Module) -> bool:
    """Whether the module ends in `if __name__ == "__main__":` (at its top level)."""
    for statement in module.body:
        test = statement.test if isinstance(statement, If) else None
        if isinstance(test, Comparison) and dotted(test.left) == "__name__":
            right = test.comparisons[0].comparator
            if isinstance(right, SimpleString) and right.evaluated_value == "__main__":
                return True
    return False


def _script(path: str, module: Module) -> bool:
    """A top-level file (in no folder, so in no package) that runs as `__main__`."""
    return len(PurePath(path).parts) == 1 and _runs_as_main(module)


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
    """A module with public names declares them in `__all__`.

    The rule is about a module's public API: what other code may import. Scripts are run, not
    imported, and have none, so they are exempt (recognised by path: a `scripts/` or `bin/`
    folder, or a top-level file with an `if __name__ == "__main__":` block), and so are test
    modules, `conftest.py`, `__main__.py` and `setup.py`.
    """

    check_id: ClassVar[str] = "dunder-all"
    summary: ClassVar[str] = "A module with public names and no `__all__`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Scripts and test modules are exempt by path only: test modules, `conftest.py`, "
        "`__main__.py`, `setup.py`, files in a `scripts/` or `bin/` folder, and a top-level "
        "file that runs as `__main__`. A module of a package with an "
        '`if __name__ == "__main__":` block is still judged: it can be imported.'
    )
    opportunity: ClassVar[str] = "Judge the module (scripts have no public API)."

    @override
    def visit_Module(self, node: Module) -> None:
        """Judge the module (scripts have no public API)."""
        if _exempt_module(self.context.path) or _script(self.context.path, node):
            return
        names = _public_names(node)
        declared = "__all__" in {dotted(s) for s in _assigned(node)}
        if declared:
            self.ok()
        elif names:
            shown = ", ".join(names[:3])
            self.flag(node, f"public names ({shown}...) but no `__all__`; declare the API")
