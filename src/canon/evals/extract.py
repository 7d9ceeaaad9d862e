"""Find the code in a model's answer: strictly (as the output contract asks) or loosely.

The solver asks for the whole file in one ```python block (`output_contract`). Strict
extraction, like IFEval's strict accuracy, takes the answer at its word: the Python-tagged block
whose fence header, or the line before it, names the task's path; else the only Python-tagged
block. An answer with several Python blocks and none naming the path has no strict code. Loose
extraction, like IFEval's loose accuracy, forgives presentation, never language: among the
Python-tagged and untagged blocks, the one naming the path, else the longest that parses; else an
unterminated Python or untagged fence; else unfenced code with prose before or after it, trimmed
until it parses. Blocks tagged with another language (toml, bash, json...) are never code.
"""

from __future__ import annotations

from ast import parse
from dataclasses import dataclass
from pathlib import PurePosixPath
from re import DOTALL, MULTILINE, escape
from re import compile as regex

__all__ = ["extract_loose", "extract_strict", "output_contract", "parses"]

_FENCE = regex(
    r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)(?P<header>[^\n]*)\n(?P<body>.*?)"
    r"^(?P=fence)[ \t]*$",
    MULTILINE | DOTALL,
)
_OPEN_FENCE = regex(r"^(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n", MULTILINE)
_PYTHON_TAGS = frozenset({"python", "py", "python3"})
_CODE_START = regex(
    r"^(from |import |def |async def |class |@|#|\"\"\"|'''|if __name__|type |[A-Za-z_]\w* *(:|=))"
)


def output_contract(path: str) -> str:
    """What the solver tells the model about its answer's shape, after the task's prompt.

    Args:
        path: Where the task's file goes.

    Returns:
        The paragraph appended to the prompt.
    """
    return (
        f"Write the file `{path}`. Answer with the whole file in one ```python block; "
        "explanations, if any, go outside it."
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


@dataclass(frozen=True, slots=True, kw_only=True)
class _Block:
    lang: str
    names_path: bool
    body: str
    start: int
    end: int

    @property
    def python(self) -> bool:
        """Whether the fence is tagged Python."""
        return self.lang in _PYTHON_TAGS

    @property
    def untagged(self) -> bool:
        """Whether the fence names no language."""
        return not self.lang


def _names(text: str, path: str) -> bool:
    """Whether a header or line names the path (whole, or its file name as a word)."""
    if not path:
        return False
    if path in text:
        return True
    name = escape(PurePosixPath(path).name)
    return regex(rf"(?<![\w./-]){name}(?![\w-])").search(text) is not None


def _blocks(answer: str, path: str) -> list[_Block]:
    blocks: list[_Block] = []
    for match in _FENCE.finditer(answer):
        before = answer[: match.start()].rstrip("\n").rpartition("\n")[2]
        blocks.append(
            _Block(
                lang=match["lang"].lower(),
                names_path=_names(match["header"], path) or _names(before, path),
                body=match["body"],
                start=match.start(),
                end=match.end(),
            )
        )
    return blocks


def extract_strict(answer: str, path: str) -> str | None:
    """The code of the Python block naming the task's path, else of the only Python block.

    Args:
        answer: The model's completion.
        path: The task's path, as the output contract gave it.

    Returns:
        The code, or None when no block qualifies.
    """
    python = [block for block in _blocks(answer, path) if block.python]
    named = [block for block in python if block.names_path]
    if named:
        return named[0].body
    return python[0].body if len(python) == 1 else None


def extract_loose(answer: str, path: str) -> str | None:
    """The code of an answer, forgiving prose around it and unterminated fences.

    Args:
        answer: The model's completion.
        path: The task's path.

    Returns:
        Code that parses, or None when no Python or untagged part of the answer does.
    """
    blocks = _blocks(answer, path)
    candidates = [block for block in blocks if block.python or block.untagged]
    parsing = [block for block in candidates if parses(block.body)]
    named = [block for block in parsing if block.names_path]
    if named:
        return named[0].body
    if parsing:
        return max(parsing, key=lambda block: len(block.body)).body
    outside = _outside_other_blocks(answer, blocks)
    opened = _OPEN_FENCE.search(outside)
    if opened is None:
        return _unfenced(outside)
    if opened[2].lower() not in _PYTHON_TAGS | {""}:
        return _unfenced(outside[: opened.start()])  # the rest is in another language
    candidate = outside[opened.end() :]  # complete blocks are blanked: this one never closes
    return candidate if parses(candidate) else _unfenced(outside)


def _outside_other_blocks(answer: str, blocks: list[_Block]) -> str:
    """The answer with every complete fenced block replaced by a line break."""
    text = answer
    for block in reversed(blocks):
        text = text[: block.start] + "\n" + text[block.end :]
    return text


def _unfenced(answer: str) -> str | None:
    lines = answer.splitlines()
    starts = [index for index, line in enumerate(lines) if _CODE_START.match(line)]
    for start in starts[:5]:
        for end in range(len(lines), start, -1):
            candidate = "\n".join(lines[start:end]) + "\n"
            if candidate.strip() and parses(candidate):
                return candidate
    return None
