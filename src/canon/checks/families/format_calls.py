"""`"...".format(...)` to f-string: the safe fix of the `f-strings` check."""

from collections.abc import Sequence
from string import Formatter

from libcst import Arg, Attribute, Call, Float, Integer, Module, Name, SimpleString, Subscript

__all__ = ["format_to_fstring"]


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
