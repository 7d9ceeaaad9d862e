"""The `f-strings` check: strings are formatted with f-strings, never `%` or `.format()`."""

from __future__ import annotations

from re import compile as re_compile
from string import Formatter
from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    Call,
    ConcatenatedString,
    Float,
    Integer,
    Module,
    Modulo,
    Name,
    SimpleString,
    Subscript,
    parse_expression,
)

from canon.checks.base import Check

if TYPE_CHECKING:
    from collections.abc import Sequence

    from libcst import (
        Arg,
        BaseExpression,
        BinaryOperation,
        CSTNode,
        FormattedString,
    )

    from canon.checks.base import Rewrite

__all__ = ["FStrings"]


def _replace_with(code: str) -> Rewrite:
    """A fix that replaces the flagged call with the expression `code`.

    Args:
        code: The f-string.

    Returns:
        The fix.
    """

    def rewrite(node: CSTNode) -> BaseExpression:
        return parse_expression(code)

    return rewrite


_FORMAT_SPEC = re_compile(r"%[-#0 +]*(\*|\d+)?(\.(\*|\d+))?[a-zA-Z%]|%\(")


_SAFE_ARGS = (Name, Attribute, Subscript, Call, Integer, Float)


def format_to_fstring(node: Call) -> str | None:
    """The f-string equivalent of a simple `"...".format(...)` call.

    Simple means: a plain (not bytes) single string literal, fields `{}`, `{0}` or `{name}`
    with optional conversion and a brace-free format spec, and arguments that are names,
    attributes, subscripts, calls or numbers without quotes or backslashes.

    Args:
        node: The call.

    Returns:
        The f-string's source, or None when the call is not that simple.
    """
    func = node.func
    if not isinstance(func, Attribute) or not isinstance(func.value, SimpleString):
        return None
    literal = func.value
    prefix = literal.prefix.lower()
    if "b" in prefix or "f" in prefix or "u" in prefix:
        return None
    positional, named = _format_args(node.args)
    if positional is None or named is None:
        return None
    quote = literal.quote
    body = literal.value[len(literal.prefix) + len(quote) : -len(quote)]
    rebuilt = _rebuild(body, positional, named)
    if rebuilt is None:
        return None
    return f"{prefix}f{quote}{rebuilt}{quote}"


def _format_args(args: Sequence[Arg]) -> tuple[list[str] | None, dict[str, str] | None]:
    render = Module(body=()).code_for_node
    positional: list[str] = []
    named: dict[str, str] = {}
    for arg in args:
        if arg.star or not isinstance(arg.value, _SAFE_ARGS):
            return None, None
        code = render(arg.value)
        if any(char in code for char in "'\"\\\n{}"):
            return None, None
        if arg.keyword is None:
            positional.append(code)
        else:
            named[arg.keyword.value] = code
    return positional, named


def _resolve(
    field: str, automatic: int, positional: list[str], named: dict[str, str]
) -> tuple[str, str] | None:
    """The expression a replacement field stands for, and the key of the argument it uses."""
    if field == "":
        if automatic >= len(positional):
            return None
        return positional[automatic], str(automatic)
    if field.isdigit() and int(field) < len(positional):
        return positional[int(field)], field
    if field in named:
        return named[field], field
    return None


def _rebuild(body: str, positional: list[str], named: dict[str, str]) -> str | None:
    try:
        parsed = list(Formatter().parse(body))
    except ValueError:
        return None
    pieces: list[str] = []
    automatic = 0
    used: set[str] = set()
    for text, field, spec, conversion in parsed:
        pieces.append(text.replace("{", "{{").replace("}", "}}"))
        if field is None:
            continue
        braced_spec = bool(spec) and ("{" in spec or "}" in spec)
        resolved = None if braced_spec else _resolve(field, automatic, positional, named)
        if resolved is None:
            return None
        expression, key = resolved
        used.add(key)
        automatic += field == ""
        suffix = (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
        pieces.append(f"{{{expression}{suffix}}}")
    expected = {str(i) for i in range(len(positional))} | set(named)
    return "".join(pieces) if used == expected else None


class FStrings(Check):
    """Strings are formatted with f-strings, never `%` or `.format()`."""

    check_id: ClassVar[str] = "f-strings"
    summary: ClassVar[str] = "`%` formatting or `.format()` on a literal instead of an f-string."
    opportunity: ClassVar[str] = 'Count an f-string. Flag `"..." % args`. Flag `"...".format(...)`.'
    fixable: ClassVar[bool] = True

    @override
    def visit_FormattedString(self, node: FormattedString) -> None:
        """Count an f-string."""
        self.ok()

    @override
    def visit_BinaryOperation(self, node: BinaryOperation) -> None:
        """Flag `"..." % args`."""
        left = node.left
        if (
            isinstance(node.operator, Modulo)
            and isinstance(left, SimpleString)
            and _FORMAT_SPEC.search(left.value)
        ):
            self.flag(node, "`%` formatting; use an f-string", fixable=False)

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `"...".format(...)`."""
        func = node.func
        if (
            isinstance(func, Attribute)
            and func.attr.value == "format"
            and isinstance(func.value, SimpleString | ConcatenatedString)
        ):
            rewritten = format_to_fstring(node)
            fix = _replace_with(rewritten) if rewritten is not None else None
            self.flag(node, "`.format()`; use an f-string", fix=fix)
