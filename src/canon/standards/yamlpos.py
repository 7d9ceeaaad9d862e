"""Read YAML keeping the position of every key and value, and refusing what YAML lets slip.

PyYAML silently keeps the last of two equal keys and reports tabs with a cryptic message; this
reader composes the node graph itself so that every error (syntax, tabs, duplicate keys, an
empty or non-UTF-8 file) names its file, line and column, and so that later validation errors
can be traced back to the text that caused them.
"""

from dataclasses import dataclass, field
from pathlib import Path

from yaml import (
    MappingNode,
    MarkedYAMLError,
    Node,
    SafeLoader,
    SequenceNode,
    YAMLError,
    compose,
)

from canon.errors import InputError, Position

__all__ = ["Located", "YamlPath", "read_text", "read_yaml"]

type YamlPath = tuple[str | int, ...]

try:  # the C loader (libyaml) when PyYAML was built with it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _Loader = SafeLoader


@dataclass(frozen=True, slots=True, kw_only=True)
class Located:
    """A YAML document as plain data, with the positions of its values and keys."""

    path: Path
    data: object
    values: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: YamlPath, *, key: bool = False) -> Position:
        """Find where the value (or key) at `loc`, or its nearest ancestor, was written.

        Args:
            loc: A path into the data: mapping keys and sequence indexes.
            key: Point at the key rather than its value.

        Returns:
            The position, falling back to the closest enclosing value.
        """
        if key and loc in self.keys:
            return self._at(self.keys[loc])
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.values:
                return self._at(self.values[loc[:end]])
        return Position(path=self.path, line=1, column=1)

    def _at(self, mark: tuple[int, int]) -> Position:
        return Position(path=self.path, line=mark[0], column=mark[1])


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, turning every failure into an `InputError`.

    Args:
        path: The file.

    Returns:
        Its text.

    Raises:
        InputError: The file is missing, unreadable, or not UTF-8.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", Position(path=path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", Position(path=path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", Position(path=path)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        where = Position(path=path, line=line, column=column)
        raise InputError(f"not UTF-8 (byte 0x{raw[exc.start]:02x})", where) from None


def read_yaml(path: Path) -> Located:
    """Read one YAML document with positions.

    Args:
        path: The YAML file.

    Returns:
        The data and where each part of it was written.

    Raises:
        InputError: The file cannot be read, is empty, or is not valid YAML.
    """
    text = read_text(path)
    try:
        node = compose(text, Loader=_Loader)
    except MarkedYAMLError as exc:
        raise _syntax_error(path, text, exc) from None
    except YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", Position(path=path)) from None
    if node is None:
        raise InputError(
            "empty file: expected a YAML mapping", Position(path=path, line=1, column=1)
        )
    located = Located(path=path, data=None)
    data = _build(node, (), located)
    return Located(path=path, data=data, values=located.values, keys=located.keys)


def _syntax_error(path: Path, text: str, exc: MarkedYAMLError) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    lines = text.split("\n")
    if line and "\t" in lines[line - 1][: max(column, 1)]:
        column = lines[line - 1].index("\t") + 1
        message = "tab character: YAML indents with spaces only"
    else:
        problem = exc.problem or exc.context or "syntax error"
        message = f"invalid YAML: {problem}"
    return InputError(message, Position(path=path, line=line, column=column))


_constructor = SafeLoader("")
_STRING_TAG = "tag:yaml.org,2002:str"


def _scalar(node: Node) -> object:
    """A scalar's value: strings as written (most of a standard), the rest as YAML resolves."""
    if node.tag == _STRING_TAG:
        return node.value
    return _constructor.construct_object(node)


def _build(node: Node, loc: YamlPath, located: Located) -> object:
    located.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        return _build_mapping(node, loc, located)
    if isinstance(node, SequenceNode):
        return [_build(item, (*loc, index), located) for index, item in enumerate(node.value)]
    return _scalar(node)


def _build_mapping(node: MappingNode, loc: YamlPath, located: Located) -> dict[object, object]:
    result: dict[object, object] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node)
        if isinstance(key, list | dict):
            where = Position(path=located.path, line=key_node.start_mark.line + 1)
            raise InputError("a mapping key must be a plain value", where)
        key_loc = (*loc, key)
        mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if key in result:
            first = located.keys[key_loc]
            where = Position(path=located.path, line=mark[0], column=mark[1])
            raise InputError(f"duplicate key {key!r} (first at line {first[0]})", where)
        located.keys[key_loc] = mark
        result[key] = _build(value_node, key_loc, located)
    return result
