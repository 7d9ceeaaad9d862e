# path: src/common/__init__.py
# expect: wildcard-import=violation relative-imports=violation dunder-all=compliant docstrings=compliant
# expect: specific-imports=violation structlog=violation google-docstrings=violation annotations=compliant
# expect: function-length=compliant parameter-count=compliant no-star-args=violation
# expect: module-length=compliant no-any=compliant
# expect: constructor-injection=violation
"""Shared helpers, gathered for convenient imports across the services."""

import logging

from ..config import *
from .dates import *
from .strings import slugify, truncate
from .retry import retry

__all__ = ["get_logger", "retry", "slugify", "truncate", "setup"]

_configured = False


def get_logger(name: str) -> logging.Logger:
    """Return a logger configured with the shared format."""
    setup()
    return logging.getLogger(name)


def setup(level: int = logging.INFO) -> None:
    """Configure logging once for the process."""
    global _configured
    if _configured:
        return
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    _configured = True
    logging.getLogger(__name__).debug("logging configured")


def reset() -> None:
    """Forget the configuration (tests call this)."""
    global _configured
    _configured = False
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)


def is_configured() -> bool:
    """Whether `setup` ran."""
    return _configured


def level_name(level: int) -> str:
    """The name of a logging level."""
    return logging.getLevelName(level)


def quiet(*names: str) -> None:
    """Raise the level of noisy third-party loggers."""
    for name in names:
        logging.getLogger(name).setLevel(logging.WARNING)
