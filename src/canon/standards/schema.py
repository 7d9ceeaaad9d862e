"""JSON Schema of canon's YAML files, so editors can validate them as they are typed."""

from orjson import OPT_INDENT_2, OPT_SORT_KEYS, dumps
from pydantic import BaseModel

from canon.standards.errors import InputError
from canon.standards.model import Manifest, SectionFile, StandardMeta

__all__ = ["SCHEMAS", "schema_json"]

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
    return dumps(schema, option=OPT_INDENT_2 | OPT_SORT_KEYS).decode() + "\n"


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
