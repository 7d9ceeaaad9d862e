# path: src/core/events.py
# expect: no-star-args=violation abc-imports=violation no-any=violation builtin-generics=violation
# expect: structlog=violation specific-imports=violation docstrings=violation google-docstrings=violation
# expect: dunder-all=violation repr=violation annotations=violation contextlib-suppress=compliant
# expect: bare-except=compliant function-length=compliant parameter-count=compliant type-statement=violation
# expect: module-length=compliant class-length=compliant wildcard-import=compliant relative-imports=compliant
# expect: constructor-injection=violation
"""A tiny synchronous event bus for decoupling services."""

import logging
from collections import defaultdict
from typing import Any, Callable, DefaultDict, List

logger = logging.getLogger(__name__)

Handler = Callable[..., Any]


class EventBus:
    def __init__(self):
        self._handlers: DefaultDict[str, List[Handler]] = defaultdict(list)

    def subscribe(self, event: str, handler: Handler) -> None:
        self._handlers[event].append(handler)

    def unsubscribe(self, event: str, handler: Handler) -> None:
        if handler in self._handlers[event]:
            self._handlers[event].remove(handler)

    def on(self, event: str):
        def decorator(handler: Handler) -> Handler:
            self.subscribe(event, handler)
            return handler

        return decorator

    def publish(self, event: str, *args: Any, **kwargs: Any) -> int:
        delivered = 0
        for handler in list(self._handlers[event]):
            try:
                handler(*args, **kwargs)
                delivered += 1
            except Exception:
                logger.exception("handler %r failed for %s", handler, event)
        return delivered

    def clear(self) -> None:
        self._handlers.clear()


bus = EventBus()


def emit(event: str, **payload: Any) -> int:
    return bus.publish(event, **payload)
