# path: src/common/json_types.py
# expect: type-statement=violation docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant union-operator=compliant builtin-generics=compliant
# expect: function-length=compliant parameter-count=compliant module-length=compliant no-star-args=compliant
# expect: wildcard-import=compliant relative-imports=compliant no-any=compliant orjson=compliant
# expect: raise-from=compliant
# expect: bare-except=compliant contextlib-suppress=compliant
"""Types for JSON documents and helpers to walk them."""

from collections.abc import Iterator

from orjson import JSONDecodeError, loads

__all__ = ["JsonObject", "JsonValue", "leaves", "parse_object"]

JsonScalar = str | int | float | bool | None
JsonValue = JsonScalar | list["JsonValue"] | dict[str, "JsonValue"]
JsonObject = dict[str, JsonValue]


def parse_object(text: str | bytes) -> JsonObject:
    """Parse a JSON document that must be an object.

    Args:
        text: The document.

    Returns:
        The object.

    Raises:
        ValueError: The text is not JSON, or not an object.
    """
    try:
        value = loads(text)
    except JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ValueError("expected a JSON object")
    return value


def leaves(value: JsonValue, prefix: str = "") -> Iterator[tuple[str, JsonScalar]]:
    """Every scalar of a document with its dotted path.

    Args:
        value: The document or a part of it.
        prefix: The path of `value`.

    Yields:
        Path and scalar pairs, depth first.
    """
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{prefix}[{index}]")
    else:
        yield prefix, value
