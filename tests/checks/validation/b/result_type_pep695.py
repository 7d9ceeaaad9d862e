# path: src/core/result.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: pep695-generics=compliant type-statement=compliant dataclass-options=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant abc-imports=compliant union-operator=compliant
# expect: no-any=compliant duplicate-case-arms=compliant no-star-args=violation bare-except=compliant
# expect: class-length=compliant builtin-generics=compliant
# expect: type-checking-imports=violation
# expect: value-object-equality=compliant
"""A small Result type for operations that fail in expected ways."""

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Err", "Ok", "Result", "attempt", "map_ok", "unwrap_or"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Ok[T]:
    """A successful outcome."""

    value: T


@dataclass(frozen=True, slots=True, kw_only=True)
class Err[E]:
    """A failed outcome."""

    error: E


type Result[T, E] = Ok[T] | Err[E]


def attempt[T](func: Callable[[], T], *errors: type[Exception]) -> Result[T, Exception]:
    """Call a function and capture the listed exceptions as `Err`.

    Args:
        func: The function to call.
        *errors: The exception types that count as expected failures.

    Returns:
        `Ok` with the return value, or `Err` with the exception.
    """
    try:
        return Ok(value=func())
    except errors as exc:
        return Err(error=exc)


def unwrap_or[T, E](result: Result[T, E], default: T) -> T:
    """Return the value of an `Ok`, or a default for an `Err`.

    Args:
        result: The result.
        default: The fallback value.

    Returns:
        The value or the default.
    """
    match result:
        case Ok(value=value):
            return value
        case Err():
            return default


def map_ok[T, U, E](result: Result[T, E], func: Callable[[T], U]) -> Result[U, E]:
    """Transform the value of an `Ok`, passing an `Err` through.

    Args:
        result: The result.
        func: Applied to the value.

    Returns:
        The transformed result.
    """
    if isinstance(result, Ok):
        return Ok(value=func(result.value))
    return result
