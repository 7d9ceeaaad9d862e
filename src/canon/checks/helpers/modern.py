"""Helpers shared by several checks (modern)."""

from collections.abc import Mapping
from typing import ClassVar, override

from libcst import Call, ClassDef, CSTNode, Decorator, Import, ImportFrom, Name

from canon.checks.base import Check, FileContext, dotted

__all__ = ["DATACLASS", "DataclassCheck", "ModuleBan", "dataclass_options", "imported_modules"]


def imported_modules(node: Import | ImportFrom) -> list[tuple[CSTNode, str]]:
    """Each imported module (for `import`) or the source module (for `from`).

    Args:
        node: The import.

    Returns:
        `(node to flag, module)` pairs.
    """
    if isinstance(node, Import):
        return [(alias, dotted(alias.name)) for alias in node.names]
    if node.relative or node.module is None:
        return []
    return [(node, dotted(node.module))]


class ModuleBan(Check):
    """Base of checks that ban some modules in favour of others."""

    banned: ClassVar[Mapping[str, str]] = {}
    preferred: ClassVar[frozenset[str]] = frozenset()

    def _judge(self, node: Import | ImportFrom) -> None:
        for where, module in imported_modules(node):
            top = module.partition(".")[0]
            if top in self.banned:
                self.flag(where, f"`{module}` imported; {self.banned[top]}")
            elif top in self.preferred:
                self.ok()

    @override
    def visit_Import(self, node: Import) -> None:
        """Judge `import x`."""
        self._judge(node)

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Judge `from x import y`."""
        self._judge(node)


DATACLASS = frozenset({"dataclasses.dataclass", "dataclass"})


def dataclass_options(
    context: FileContext, node: ClassDef
) -> tuple[Decorator, dict[str, bool]] | None:
    """A class's `@dataclass` decorator and its boolean options.

    Args:
        context: The file's context.
        node: The class.

    Returns:
        The decorator and its options; None if the class has no `@dataclass`.
    """
    for decorator in node.decorators:
        expression = decorator.decorator
        call = expression if isinstance(expression, Call) else None
        target = call.func if call else expression
        if context.qualified(target) not in DATACLASS:
            continue
        options: dict[str, bool] = {}
        for arg in call.args if call else ():
            if arg.keyword is not None and isinstance(arg.value, Name):
                options[arg.keyword.value] = arg.value.value == "True"
        return decorator, options
    return None


class DataclassCheck(Check):
    """Base of the dataclass option checks."""

    required: tuple[str, ...] = ()

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a dataclass's options."""
        found = dataclass_options(self.context, node)
        if found is None:
            return
        decorator, options = found
        missing = [name for name in self.required if not options.get(name)]
        if missing:
            wanted = ", ".join(f"{name}=True" for name in missing)
            self.flag(decorator, f"dataclass `{node.name.value}` lacks {wanted}")
        else:
            self.ok()
