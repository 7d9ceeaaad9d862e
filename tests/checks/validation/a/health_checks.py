# path: src/platform/health.py
# expect: cancelled-error=violation task-group=violation contextlib-suppress=compliant specific-imports=violation
# expect: docstrings=compliant google-docstrings=violation dunder-all=compliant annotations=compliant
# expect: async-blocking=compliant structlog=compliant abc-imports=compliant function-length=compliant
# expect: parameter-count=compliant timezone-aware=compliant type-statement=compliant repr=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
"""Periodic health checks of the service's dependencies."""

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import suppress
from datetime import UTC, datetime

import structlog

__all__ = ["HealthMonitor"]

log = structlog.get_logger(__name__)

type Probe = Callable[[], Awaitable[bool]]


class HealthMonitor:
    """Runs probes every few seconds and keeps their latest results."""

    def __init__(self, probes: dict[str, Probe], interval: float = 10.0) -> None:
        """Create a monitor over named probes."""
        self._probes = probes
        self._interval = interval
        self._results: dict[str, bool] = {}
        self._checked_at: datetime | None = None
        self._task: asyncio.Task[None] | None = None

    def __repr__(self) -> str:
        """Show the probes and the last check time."""
        return f"HealthMonitor(probes={sorted(self._probes)}, checked_at={self._checked_at})"

    async def check_once(self) -> dict[str, bool]:
        """Run every probe concurrently and record the results."""
        names = list(self._probes)
        outcomes = await asyncio.gather(
            *(self._probes[name]() for name in names), return_exceptions=True
        )
        self._results = {name: outcome is True for name, outcome in zip(names, outcomes)}
        self._checked_at = datetime.now(UTC)
        log.info("health.checked", results=self._results)
        return self._results

    async def _loop(self) -> None:
        while True:
            await self.check_once()
            await asyncio.sleep(self._interval)

    def start(self) -> None:
        """Start checking in the background."""
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        """Stop the background checks."""
        if self._task is None:
            return
        self._task.cancel()
        with suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    def healthy(self) -> bool:
        """Whether every probe passed on the last check."""
        return bool(self._results) and all(self._results.values())
