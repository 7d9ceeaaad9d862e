# path: src/platform/env_overrides.py
# expect: context-managers=violation domain-hierarchy=violation no-star-args=violation
# expect: repr=violation specific-imports=violation abc-imports=compliant annotations=compliant
# expect: bare-except=compliant builtin-generics=compliant class-length=compliant
# expect: contextlib-suppress=compliant docstrings=compliant dunder-all=compliant
# expect: f-strings=compliant function-length=compliant google-docstrings=compliant
# expect: module-length=compliant no-any=compliant parameter-count=compliant raise-from=compliant
# expect: relative-imports=compliant type-checking-imports=compliant union-operator=compliant
# expect: wildcard-import=compliant
"""Temporary overrides of environment variables for maintenance scripts."""

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

__all__ = ["ConfigError", "MissingVariableError", "TemporaryEnvironment", "override_env", "require"]


class ConfigError(Exception):
    """Base of the configuration errors."""


class MissingVariableError(Exception):
    """Raised when a required environment variable is not set."""


class TemporaryEnvironment:
    """Sets environment variables for the duration of a block."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = dict(values)
        self.saved: dict[str, str | None] = {}

    def __enter__(self) -> None:
        for name, value in self.values.items():
            self.saved[name] = os.environ.get(name)
            os.environ[name] = value

    def __exit__(self, *exc_info: object) -> None:
        for name, previous in self.saved.items():
            if previous is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = previous


@contextmanager
def override_env(**values: str) -> Iterator[None]:
    """Set environment variables inside the block.

    Args:
        **values: The variables and their values.

    Yields:
        Nothing; the variables are set until the block ends.
    """
    with TemporaryEnvironment(values):
        yield


def require(name: str) -> str:
    """Read a required environment variable.

    Args:
        name: The variable.

    Returns:
        Its value.

    Raises:
        MissingVariableError: The variable is not set.
    """
    try:
        return os.environ[name]
    except KeyError:
        raise MissingVariableError(f"{name} is not set") from None
