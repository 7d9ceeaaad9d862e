# path: src/platform/observability/metrics.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=violation
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: no-star-args=violation pep695-generics=violation abc-imports=violation no-any=violation
# expect: async-blocking=compliant class-length=compliant repr=violation
# expect: f-strings=compliant
# expect: builtin-generics=compliant
# expect: type-checking-imports=violation
"""Prometheus metrics: request middleware and a timing decorator."""

import functools
import time
from typing import Any, Awaitable, Callable, TypeVar

from prometheus_client import Counter, Histogram
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import Response

__all__ = ["PrometheusMiddleware", "timed"]

F = TypeVar("F", bound=Callable[..., Awaitable[Any]])

REQUESTS = Counter("http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram("http_request_seconds", "Request latency", ["method", "route"])
CALL_LATENCY = Histogram("function_seconds", "Latency of decorated functions", ["function"])


class PrometheusMiddleware(BaseHTTPMiddleware):
    """Counts requests and records their latency per route template."""

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Time the request and record it."""
        route = request.scope.get("route")
        template = getattr(route, "path", request.url.path)
        started = time.perf_counter()
        response = await call_next(request)
        elapsed = time.perf_counter() - started
        LATENCY.labels(request.method, template).observe(elapsed)
        REQUESTS.labels(request.method, template, str(response.status_code)).inc()
        return response


class MetricsRegistry:
    """Groups the metrics exposed by one service."""

    def __init__(self, namespace: str) -> None:
        """Prefix every metric name with the namespace."""
        self.namespace = namespace
        self.counters: dict[str, Counter] = {}

    def counter(self, name: str, description: str) -> Counter:
        """Get or create a counter."""
        key = f"{self.namespace}_{name}"
        if key not in self.counters:
            self.counters[key] = Counter(key, description)
        return self.counters[key]


def timed(func: F) -> F:
    """Record how long an async function takes."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return await func(*args, **kwargs)
        finally:
            CALL_LATENCY.labels(func.__qualname__).observe(time.perf_counter() - started)

    return wrapper
