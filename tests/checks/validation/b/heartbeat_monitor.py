# path: src/monitoring/heartbeat.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant task-group=violation cancelled-error=violation structlog=compliant
# expect: class-length=compliant repr=violation contextlib-suppress=violation bare-except=compliant
# expect: timezone-aware=compliant builtin-generics=compliant no-any=compliant union-operator=compliant
# expect: fstring-debug=compliant
# expect: comprehensions=compliant
# expect: f-strings=compliant
# expect: type-checking-imports=violation
# expect: constructor-injection=compliant
"""Ping registered services and raise alerts when they stop answering."""

import asyncio
from datetime import UTC, datetime

import structlog
from httpx import AsyncClient, HTTPError

__all__ = ["HeartbeatMonitor"]

log = structlog.get_logger(__name__)


class HeartbeatMonitor:
    """Polls `/healthz` of each service every interval."""

    def __init__(self, client: AsyncClient, services: dict[str, str], interval: float = 30.0) -> None:
        """Set up the monitor.

        Args:
            client: HTTP client used for the probes.
            services: Service names mapped to their base URLs.
            interval: Seconds between probes.
        """
        self.client = client
        self.services = services
        self.interval = interval
        self.last_seen: dict[str, datetime] = {}
        self._task: asyncio.Task[None] | None = None

    async def probe(self, name: str, url: str) -> bool:
        """Probe one service once."""
        try:
            response = await self.client.get(f"{url}/healthz", timeout=5)
        except HTTPError:
            log.warning("probe_failed", service=name)
            return False
        if response.status_code == 200:
            self.last_seen[name] = datetime.now(UTC)
            return True
        log.debug(f"unhealthy {name=} {response.status_code=}")
        return False

    async def _loop(self) -> None:
        while True:
            try:
                await asyncio.gather(*(self.probe(name, url) for name, url in self.services.items()))
                await asyncio.sleep(self.interval)
            except asyncio.CancelledError:
                log.info("heartbeat_stopped")
                break

    def start(self) -> None:
        """Start polling in the background."""
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        """Stop polling and wait for the loop to finish."""
        if self._task is None:
            return
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass
        self._task = None
