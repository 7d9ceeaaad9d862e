"""The `fstring-debug` check: debug output uses `f"{name=}"`, not `f"name={name}"`."""

from __future__ import annotations

from re import split
from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Add,
    Attribute,
    BinaryOperation,
    Call,
    FormattedString,
    FormattedStringExpression,
    FormattedStringText,
    Module,
    SimpleString,
)

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import BaseExpression

    from canon.checks.base import FileContext

__all__ = ["FStringDebug"]


def _logger(receiver: BaseExpression) -> bool:
    """Whether `receiver.debug(...)` is a logger's: `log`, `logger`, `logging`, `self._log`."""
    name = dotted(receiver).rpartition(".")[2].lower().lstrip("_")
    return name in {"log", "logger", "logging"} or name.endswith(("_log", "_logger", "logger"))


def _interpolation(message: BaseExpression, more_args: bool) -> str:
    """How a debug message interpolates values: "debug" (`{x=}` only), "other" or "" (none)."""
    if isinstance(message, FormattedString):
        expressions = [p for p in message.parts if isinstance(p, FormattedStringExpression)]
        if not expressions:
            return ""
        return "debug" if all(part.equal is not None for part in expressions) else "other"
    if isinstance(message, SimpleString):
        return "other" if more_args else ""
    if isinstance(message, BinaryOperation) and isinstance(message.operator, Add):
        return "other"
    if isinstance(message, Call) and isinstance(message.func, Attribute):
        return "other" if message.func.attr.value == "format" else ""
    return ""


class FStringDebug(Check):
    """Debug output uses `f"{name=}"`, not `f"name={name}"`.

    Every debug log call that interpolates a value is an opportunity, whatever the spelling:
    `log.debug("w: %s", w)`, `logger.debug(f"w: {w}")`, `logging.debug("w " + w)`,
    `"...".format(w)`. It follows the rule when every interpolation is `{expr=}`. A debug call
    with a constant message and structured key-values (`logger.debug("event", w=w)`) is no
    opportunity. Outside debug calls, any f-string spelling `name={name}` is flagged and any
    `{name=}` counted.
    """

    check_id: ClassVar[str] = "fstring-debug"
    summary: ClassVar[str] = (
        "Debug output interpolating a value without `f'{name=}'` (`f'name={name}'`, "
        "`log.debug('%s', x)`)."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A debug log call is recognised by its method `debug` on a receiver named like a "
        "logger (`log`, `logger`, `logging`, `self._logger`)."
    )
    opportunity: ClassVar[str] = (
        "Every debug log call interpolating a value (`%s` arguments, f-string, `+`, "
        "`.format`), and every f-string elsewhere spelling `name={name}` or `{name=}`. "
        "Followed: every interpolation is `{expr=}`. Broken: any other interpolation in a "
        "debug call; `name={name}` in any f-string. A constant message with structured "
        "key-values is no opportunity."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.judged: set[int] = set()

    @override
    def visit_Call(self, node: Call) -> None:
        """Judge a debug log call that interpolates a value."""
        func = node.func
        if not (isinstance(func, Attribute) and func.attr.value == "debug" and node.args):
            return
        if not _logger(func.value) or node.args[0].keyword is not None:
            return
        message = node.args[0].value
        positional = [arg for arg in node.args[1:] if arg.keyword is None]
        kind = _interpolation(message, bool(positional))
        if not kind:
            return
        self.judged.add(id(message))
        if kind == "debug":
            self.ok()
        else:
            self.flag(node, 'debug log interpolates values; write `f"{name=}"` for each')

    @override
    def visit_FormattedString(self, node: FormattedString) -> None:
        """Flag `name={name}` pairs; count `{name=}`."""
        if id(node) in self.judged:
            return
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
