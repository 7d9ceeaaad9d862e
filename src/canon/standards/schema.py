"""JSON Schema of canon's YAML files, so editors can validate them as they are typed."""

from __future__ import annotations

from re import compile as regex
from typing import TYPE_CHECKING

from orjson import OPT_INDENT_2, OPT_SORT_KEYS, dumps

from canon.errors import InputError
from canon.standards.model import Manifest, SectionFile, StandardMeta

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["SCHEMAS", "schema_json"]

_NON_ASCII = regex(r"[^\x00-\x7f]")

SCHEMAS: dict[str, type[BaseModel]] = {
    "section": SectionFile,
    "standard": StandardMeta,
    "manifest": Manifest,
}

_TITLES = {
    "section": "A section file of a canon standard (instructions/NAME/*.yaml)",
    "standard": "A canon standard's metadata (instructions/NAME/standard.yaml)",
    "manifest": "The canon manifest (instructions/canon.yaml)",
}


def schema_json(kind: str = "all") -> str:
    """Render the JSON Schema of one kind of file, or of any of them.

    Args:
        kind: `section`, `standard`, `manifest`, or `all` for a schema accepting any of them.

    Returns:
        The schema as indented JSON ending with a newline.

    Raises:
        InputError: The kind is unknown.
    """
    if kind == "all":
        schema = _combined()
    elif kind in SCHEMAS:
        schema = _one(kind)
    else:
        known = ", ".join(["all", *SCHEMAS])
        raise InputError(f"unknown schema {kind!r} (known: {known})")
    return _json_text(schema)


def _one(kind: str) -> dict[str, object]:
    schema = SCHEMAS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = _TITLES[kind]
    return schema


def _combined() -> dict[str, object]:
    definitions: dict[str, object] = {}
    choices = []
    for kind, model in SCHEMAS.items():
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        definitions.update(schema.pop("$defs", {}))
        definitions[model.__name__] = schema
        choices.append({"$ref": f"#/$defs/{model.__name__}", "title": _TITLES[kind]})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Any canon YAML file",
        "anyOf": choices,
        "$defs": definitions,
    }


def _json_text(document: object) -> str:
    """Indented JSON with sorted keys and non-ASCII escaped, as `json.dumps` wrote it before."""
    text = dumps(document, option=OPT_INDENT_2 | OPT_SORT_KEYS).decode()
    return _NON_ASCII.sub(lambda match: _escape(match.group()), text) + "\n"


def _escape(character: str) -> str:
    code = ord(character)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"
