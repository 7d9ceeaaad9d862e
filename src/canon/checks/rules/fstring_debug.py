"""The `fstring-debug` check: debug output uses `f"{name=}"`, not `f"name={name}"`."""

from re import split
from typing import ClassVar, override

from libcst import FormattedString, FormattedStringExpression, FormattedStringText, Module

from canon.checks.base import Check

__all__ = ["FStringDebug"]


class FStringDebug(Check):
    """Debug output uses `f"{name=}"`, not `f"name={name}"`."""

    check_id: ClassVar[str] = "fstring-debug"
    summary: ClassVar[str] = "`f'name={name}'` instead of `f'{name=}'`."
    opportunity: ClassVar[str] = "Flag `name={name}` pairs; count `{name=}`."

    @override
    def visit_FormattedString(self, node: FormattedString) -> None:
        """Flag `name={name}` pairs; count `{name=}`."""
        parts = node.parts
        for index, part in enumerate(parts):
            if not isinstance(part, FormattedStringExpression):
                continue
            if part.equal is not None:
                self.ok()
                continue
            before = parts[index - 1] if index else None
            if not isinstance(before, FormattedStringText):
                continue
            text = before.value.rstrip()
            if not text.endswith("="):
                continue
            label = split(r"[\s(,:;]", text[:-1].rstrip())[-1]
            expression = Module(body=()).code_for_node(part.expression)
            if label and label == expression:
                self.flag(part, f"`{label}={{{label}}}`; write `{{{label}=}}`")
