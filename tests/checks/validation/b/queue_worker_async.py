# path: src/jobs/worker.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: async-blocking=violation task-group=violation cancelled-error=violation structlog=violation
# expect: class-length=compliant repr=violation bare-except=compliant
# expect: orjson=violation f-strings=compliant builtin-generics=compliant no-any=compliant
# expect: abc-imports=compliant type-statement=violation
# expect: comprehensions=compliant
# expect: no-pickle=compliant
# expect: type-checking-imports=violation
"""Background worker that drains the job queue."""

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis

__all__ = ["Worker"]

logger = logging.getLogger(__name__)

Handler = Callable[[dict[str, str]], Awaitable[None]]


class Worker:
    """Pulls jobs from a Redis list and dispatches them to handlers."""

    def __init__(self, redis: Redis, queue: str, concurrency: int = 4) -> None:
        self.redis = redis
        self.queue = queue
        self.concurrency = concurrency
        self.handlers: dict[str, Handler] = {}
        self._stopping = False

    def register(self, kind: str, handler: Handler) -> None:
        """Route jobs of one kind to a handler."""
        self.handlers[kind] = handler

    async def _consume(self, slot: int) -> None:
        while not self._stopping:
            try:
                item = await self.redis.blpop(self.queue, timeout=5)
            except asyncio.CancelledError:
                logger.info("consumer %d cancelled", slot)
                return
            if item is None:
                continue
            job = json.loads(item[1])
            handler = self.handlers.get(job["kind"])
            if handler is None:
                logger.warning(f"no handler for kind={job['kind']}")
                continue
            try:
                await handler(job)
            except Exception:
                logger.exception("job failed")
                time.sleep(0.5)

    async def run(self) -> None:
        """Run the consumers until stopped."""
        consumers = [asyncio.create_task(self._consume(slot)) for slot in range(self.concurrency)]
        await asyncio.gather(*consumers)

    def stop(self) -> None:
        """Ask the consumers to finish their current job and exit."""
        self._stopping = True
