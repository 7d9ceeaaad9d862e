# path: src/platform/observability.py
# expect: structlog=compliant specific-imports=compliant dunder-all=compliant docstrings=compliant
# expect: google-docstrings=compliant annotations=compliant function-length=compliant
# expect: parameter-count=compliant fstring-debug=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""Structured logging with structlog: JSON in production, pretty output on a terminal."""

from sys import stderr

import structlog
from structlog.contextvars import bind_contextvars, clear_contextvars, merge_contextvars
from structlog.processors import JSONRenderer, StackInfoRenderer, TimeStamper, format_exc_info
from structlog.stdlib import add_log_level

__all__ = ["bind_request", "configure", "logger_for"]


def configure(*, json_output: bool) -> None:
    """Configure structlog's processors once, at start-up.

    Args:
        json_output: Render JSON lines (production) instead of coloured console output.
    """
    renderer = JSONRenderer() if json_output else structlog.dev.ConsoleRenderer()
    structlog.configure(
        processors=[
            merge_contextvars,
            add_log_level,
            TimeStamper(fmt="iso", utc=True),
            StackInfoRenderer(),
            format_exc_info,
            renderer,
        ],
        logger_factory=structlog.PrintLoggerFactory(file=stderr),
        cache_logger_on_first_use=True,
    )


def bind_request(request_id: str, user_id: int | None) -> None:
    """Bind the request's identifiers to every log line of this context.

    Args:
        request_id: The request's correlation id.
        user_id: The signed-in user, if any.
    """
    clear_contextvars()
    bind_contextvars(request_id=request_id, user_id=user_id)


def logger_for(component: str) -> structlog.stdlib.BoundLogger:
    """A logger bound to a component name.

    Args:
        component: Shown in every line as `component`.

    Returns:
        The bound logger.
    """
    log: structlog.stdlib.BoundLogger = structlog.get_logger().bind(component=component)
    log.debug("logger.created", component=component)
    return log
