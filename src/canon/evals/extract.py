"""Find the code in a model's answer: strictly (fenced blocks) or loosely (prose tolerated).

Strict extraction, like IFEval's strict accuracy, takes the answer at its word: the code is
the fenced block (the longest Python or untagged one when there are several). Loose
extraction, like IFEval's loose accuracy, forgives presentation: an unterminated fence, or
unfenced code with prose before or after it, trimmed until it parses.
"""

from ast import parse
from re import DOTALL, MULTILINE
from re import compile as regex

__all__ = ["extract_loose", "extract_strict", "parses"]

_FENCE = regex(
    r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    MULTILINE | DOTALL,
)
_OPEN_FENCE = regex(r"^(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n", MULTILINE)
_PYTHON_TAGS = frozenset({"", "python", "py", "python3"})
_CODE_START = regex(
    r"^(from |import |def |async def |class |@|#|\"\"\"|'''|if __name__|type |[A-Za-z_]\w* *(:|=))"
)


def parses(code: str) -> bool:
    """Tell whether code is valid Python syntax (it is never executed).

    Args:
        code: Source text.

    Returns:
        True when it parses.
    """
    try:
        parse(code)
    except (SyntaxError, ValueError):
        return False
    return True


def extract_strict(answer: str) -> str | None:
    """The code of a fenced Python (or untagged) block; the longest when there are several.

    Args:
        answer: The model's completion.

    Returns:
        The code, or None when the answer has no such block.
    """
    blocks = [
        match["body"] for match in _FENCE.finditer(answer) if match["lang"].lower() in _PYTHON_TAGS
    ]
    if not blocks:
        return None
    return max(blocks, key=len)


def extract_loose(answer: str) -> str | None:
    """The code of an answer, forgiving prose around it and unterminated fences.

    Args:
        answer: The model's completion.

    Returns:
        Code that parses, or None when no part of the answer does.
    """
    strict = extract_strict(answer)
    if strict is not None and parses(strict):
        return strict
    opened = _OPEN_FENCE.search(answer)
    if opened:
        body = answer[opened.end() :]
        closing = body.find(opened[1])
        candidate = body if closing < 0 else body[:closing]
        if parses(candidate):
            return candidate
    return _unfenced(answer)


def _unfenced(answer: str) -> str | None:
    lines = answer.splitlines()
    starts = [index for index, line in enumerate(lines) if _CODE_START.match(line)]
    for start in starts[:5]:
        for end in range(len(lines), start, -1):
            candidate = "\n".join(lines[start:end]) + "\n"
            if candidate.strip() and parses(candidate):
                return candidate
    return None
