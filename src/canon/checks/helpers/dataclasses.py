"""The base of checks that judge `@dataclass` options."""

from typing import override

from libcst import Call, ClassDef, Decorator, Name

from canon.checks.base import Check, FileContext

__all__ = ["DATACLASS", "DataclassCheck", "dataclass_options"]


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
