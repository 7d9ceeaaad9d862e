"""Validate located YAML data against a model and explain the first problem in one line."""

from __future__ import annotations

from difflib import get_close_matches
from types import UnionType
from typing import TYPE_CHECKING, Annotated, TypeAliasType, Union, get_args, get_origin

from pydantic import BaseModel, Tag, ValidationError

from canon.errors import InputError
from canon.standards.model import block_kind

if TYPE_CHECKING:
    from canon.standards.yamlpos import Located, YamlPath

__all__ = ["validate_located"]

_ID_HINT = "lowercase letters and digits, in words joined by '.', '-' or '_'"


def validate_located[M: BaseModel](located: Located, model: type[M]) -> M:
    """Validate YAML data against a model, reporting the first error with its position.

    Args:
        located: The YAML document with positions.
        model: The pydantic model the document must follow.

    Returns:
        The validated model.

    Raises:
        InputError: The data does not fit the model.
    """
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise _explain(exc, located, model) from None


def _explain(exc: ValidationError, located: Located, model: type[BaseModel]) -> InputError:
    errors = exc.errors(include_url=False)
    unknown = [error for error in errors if error["type"] == "extra_forbidden"]
    error = (unknown or errors)[0]
    loc = _data_path(located.data, error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, error["loc"][:-1])
        return InputError(_unknown_key(key, allowed), located.position(loc, key=True))
    if kind == "missing":
        field = str(error["loc"][-1])
        return InputError(f"missing required key {field!r}", located.position(loc))
    if kind == "model_type" and not loc:
        return InputError("expected a YAML mapping at the top level", located.position(loc))
    name = ".".join(str(part) for part in loc) or "document"
    if kind == "string_pattern_mismatch":
        value = error["input"]
        return InputError(
            f"{name}: {value!r} is not a valid id ({_ID_HINT})", located.position(loc)
        )
    message = str(error["msg"])
    return InputError(f"{name}: {message[0].lower()}{message[1:]}", located.position(loc))


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key {key!r} (did you mean {close[0]!r}?)"
    if allowed:
        return f"unknown key {key!r} (expected one of: {', '.join(sorted(allowed))})"
    return f"unknown key {key!r}"


def _data_path(data: object, loc: tuple[int | str, ...]) -> YamlPath:
    """Map a pydantic error location onto the YAML data, dropping union tags."""
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        if _is_tag(current, part, loc[index - 1] if index else None):
            continue  # `item` is both a block's tag and its key: the tag is not in the data
        if _has(current, part):
            current = current[part]  # type: ignore[index]
        elif isinstance(current, dict | list):
            if part == loc[-1]:
                path.append(part)
            continue
        else:
            break
        path.append(part)
    return tuple(path)


def _is_tag(current: object, part: int | str, previous: int | str | None) -> bool:
    """Tell a block's union tag (right after its index in a list) from a key of the data."""
    return isinstance(previous, int) and isinstance(current, dict) and part == block_kind(current)


def _has(container: object, part: int | str) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _allowed_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The keys a mapping at `loc` may hold, found by walking the model's annotations."""
    current: object = model
    for part in loc:
        current = _step(_unwrap(current), part)
        if current is None:
            return []
    final = _unwrap(current)
    if isinstance(final, type) and issubclass(final, BaseModel):
        return list(final.model_fields)
    return []


def _step(annotation: object, part: int | str) -> object:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        return field.annotation if field else None
    args = get_args(annotation)
    origin = get_origin(annotation)
    if origin in {tuple, list} and isinstance(part, int):
        return args[0] if args else None
    if origin is dict:
        return args[1] if len(args) == 2 else None
    if origin in {Union, UnionType}:
        return _union_member(args, part)
    return None


def _union_member(members: tuple[object, ...], part: int | str) -> object:
    for member in members:
        metadata = getattr(member, "__metadata__", ())
        if any(isinstance(item, Tag) and item.tag == part for item in metadata):
            return member
    return None


def _unwrap(annotation: object) -> object:
    while True:
        if isinstance(annotation, TypeAliasType):
            annotation = annotation.__value__
        elif get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        else:
            return annotation
