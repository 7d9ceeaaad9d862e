"""Read YAML keeping the position of every key and value, and refusing what YAML lets slip.

PyYAML silently keeps the last of two equal keys and reports tabs with a cryptic message; this
reader composes the node graph itself so that every error (syntax, tabs, duplicate keys, an
empty or non-UTF-8 file) names its file, line and column, and so that later validation errors
can be traced back to the text that caused them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from yaml import (
    MappingNode,
    MarkedYAMLError,
    SafeLoader,
    SequenceNode,
    YAMLError,
    compose,
)

from canon.errors import InputError, Position

if TYPE_CHECKING:
    from pathlib import Path

    from yaml import (
        Node,
    )

__all__ = ["MAX_DEPTH", "MAX_VALUES", "Located", "YamlPath", "read_text", "read_yaml"]

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
        InputError: The file is missing, unreadable, not a regular file, or not UTF-8.
    """
    if path.exists() and not path.is_file() and not path.is_dir():
        # a FIFO, socket or device: reading it could block forever
        raise InputError("not a regular file; refused", Position(path=path))
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
    except RecursionError:
        raise InputError(f"nested too deeply (limit {MAX_DEPTH})", Position(path=path)) from None
    except MarkedYAMLError as exc:
        raise _syntax_error(path, text, exc) from None
    except YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", Position(path=path)) from None
    if node is None:
        raise InputError(
            "empty file: expected a YAML mapping", Position(path=path, line=1, column=1)
        )
    located = Located(path=path, data=None)
    data = _Builder(located=located).build(node, ())
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
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null"))
_MAPPING_TAG = f"{_TAG}map"
_SEQUENCE_TAG = f"{_TAG}seq"
MAX_VALUES = 100_000
"""How many values a document may hold once its aliases are expanded (an alias bomb stops here)."""
MAX_DEPTH = 64
"""How deeply mappings and sequences may nest."""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Builder:
    """Turns a composed node graph into plain data within fixed limits.

    YAML aliases are expanded (a standard may share a block through an anchor), but a document
    that refers to itself, nests deeper than `MAX_DEPTH`, or expands to more than `MAX_VALUES`
    values is refused, and so is any tag but the plain ones (strings, numbers, booleans, null,
    mappings and sequences).
    """

    located: Located
    built: list[int] = field(default_factory=lambda: [0])
    path: set[int] = field(default_factory=set)

    def error(self, message: str, node: Node) -> InputError:
        """An input error at a node's position.

        Args:
            message: What is wrong.
            node: Where.

        Returns:
            The error, to raise.
        """
        mark = node.start_mark
        where = Position(path=self.located.path, line=mark.line + 1, column=mark.column + 1)
        return InputError(message, where)

    def build(self, node: Node, loc: YamlPath) -> object:
        """Build a node's value, recording positions.

        Args:
            node: The composed node.
            loc: Where it sits in the document.

        Returns:
            Its plain value.

        Raises:
            InputError: A limit is exceeded or a tag is not a plain one.
        """
        self.built[0] += 1
        if self.built[0] > MAX_VALUES:
            raise self.error(f"aliases expand beyond {MAX_VALUES:,} values", node)
        if len(loc) > MAX_DEPTH:
            raise self.error(f"nested deeper than {MAX_DEPTH} levels", node)
        self.located.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode | SequenceNode):
            return self._collection(node, loc)
        return self.scalar(node)

    def _collection(self, node: MappingNode | SequenceNode, loc: YamlPath) -> object:
        if id(node) in self.path:
            raise self.error("an alias refers to the value that contains it", node)
        expected = _MAPPING_TAG if isinstance(node, MappingNode) else _SEQUENCE_TAG
        if node.tag != expected:
            raise self.error(f"unsupported YAML tag {node.tag}", node)
        self.path.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, loc)
            return [self.build(item, (*loc, index)) for index, item in enumerate(node.value)]
        finally:
            self.path.discard(id(node))

    def scalar(self, node: Node) -> object:
        """A scalar's value: strings as written (most of a standard), the rest as YAML resolves.

        Args:
            node: A scalar node.

        Returns:
            Its value.

        Raises:
            InputError: The tag is not a plain one, or the text does not fit its tag.
        """
        if node.tag not in _SCALAR_TAGS:
            raise self.error(f"unsupported YAML tag {node.tag}", node)
        if node.tag == _STRING_TAG:
            return node.value
        try:
            return _constructor.construct_object(node)
        except (ValueError, YAMLError):
            tag = node.tag.removeprefix(_TAG)
            raise self.error(f"{node.value!r} is not a valid {tag}", node) from None

    def _mapping(self, node: MappingNode, loc: YamlPath) -> dict[object, object]:
        located = self.located
        result: dict[object, object] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, MappingNode | SequenceNode):
                raise self.error("a mapping key must be a plain value", key_node)
            key = self.scalar(key_node)
            key_loc = (*loc, key)
            mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = located.keys[key_loc]
                where = Position(path=located.path, line=mark[0], column=mark[1])
                raise InputError(f"duplicate key {key!r} (first at line {first[0]})", where)
            located.keys[key_loc] = mark
            result[key] = self.build(value_node, key_loc)
        return result


_STRING_TAG = f"{_TAG}str"
