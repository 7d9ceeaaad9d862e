# path: src/common/retry.py
# expect: pep695-generics=violation no-star-args=compliant docstrings=compliant google-docstrings=compliant
# expect: dunder-all=compliant annotations=compliant specific-imports=violation structlog=violation
# expect: abc-imports=compliant raise-from=compliant function-length=compliant parameter-count=compliant
# expect: union-operator=compliant async-blocking=compliant
# expect: module-length=compliant class-length=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: domain-hierarchy=compliant
"""Retry decorators for flaky calls, sync and async."""

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import ParamSpec, TypeVar

__all__ = ["RetryError", "retry", "retry_async"]

P = ParamSpec("P")
R = TypeVar("R")

logger = logging.getLogger(__name__)


class RetryError(RuntimeError):
    """Every attempt failed."""


def retry(
    attempts: int = 3, delay: float = 0.5, exceptions: tuple[type[Exception], ...] = (Exception,)
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Retry a function when it raises one of `exceptions`.

    Args:
        attempts: Total attempts, the first included.
        delay: Seconds before the second attempt; doubled after each failure.
        exceptions: The exceptions worth retrying.

    Returns:
        The decorator.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            wait = delay
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as exc:
                    if attempt == attempts:
                        raise RetryError(f"{func.__name__} failed {attempts} times") from exc
                    logger.warning("retrying %s after %s", func.__name__, exc)
                    time.sleep(wait)
                    wait *= 2
            raise AssertionError("unreachable")

        return wrapper

    return decorate


def retry_async(
    attempts: int = 3, delay: float = 0.5
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """Retry a coroutine function on any exception.

    Args:
        attempts: Total attempts, the first included.
        delay: Seconds between attempts.

    Returns:
        The decorator.
    """

    def decorate(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @wraps(func)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, attempts + 1):
                try:
                    return await func(*args, **kwargs)
                except Exception as exc:
                    if attempt == attempts:
                        raise RetryError(f"{func.__name__} failed {attempts} times") from exc
                    await asyncio.sleep(delay)
            raise AssertionError("unreachable")

        return wrapper

    return decorate
