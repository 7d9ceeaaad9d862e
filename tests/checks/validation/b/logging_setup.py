# path: src/platform/observability/logging_setup.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: structlog=compliant builtin-generics=compliant abc-imports=compliant no-any=compliant
# expect: type-statement=compliant union-operator=compliant orjson=compliant
# expect: no-pickle=compliant
# expect: type-checking-imports=violation
# expect: keyword-only=compliant
"""Configure structlog and route standard-library logging through it."""

import logging
import sys
from collections.abc import MutableMapping

import orjson
import structlog
from structlog.types import EventDict, Processor, WrappedLogger

__all__ = ["configure_logging"]

type LogLevel = str | int


def _add_service(service: str) -> Processor:
    def processor(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
        event_dict.setdefault("service", service)
        return event_dict

    return processor


def _drop_health_checks(
    _: WrappedLogger, __: str, event_dict: MutableMapping[str, object]
) -> MutableMapping[str, object]:
    if event_dict.get("path") in {"/healthz", "/readyz"}:
        raise structlog.DropEvent
    return event_dict


def configure_logging(service: str, level: LogLevel = "INFO", *, json_output: bool = True) -> None:
    """Set up structured logging for the whole process.

    Args:
        service: Name added to every event as `service`.
        level: Minimum level, as a name or number.
        json_output: Render JSON lines (production) rather than coloured text.
    """
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _add_service(service),
        _drop_health_checks,
    ]
    renderer: Processor = (
        structlog.processors.JSONRenderer(serializer=orjson.dumps)
        if json_output
        else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.BytesLoggerFactory(sys.stdout.buffer)
        if json_output
        else structlog.PrintLoggerFactory(),
        cache_logger_on_first_use=True,
    )
    logging.basicConfig(level=level, handlers=[logging.StreamHandler(sys.stdout)], force=True)
