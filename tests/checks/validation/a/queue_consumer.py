# path: src/worker/consumer.py
# expect: cancelled-error=violation task-group=violation specific-imports=violation structlog=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation annotations=violation
# expect: orjson=violation repr=violation async-blocking=compliant function-length=compliant
# expect: parameter-count=compliant union-operator=compliant f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
"""Consume jobs from a Redis list and process them with a pool of workers."""

import asyncio
import json
import logging

import redis.asyncio as redis

from worker.handlers import HANDLERS

logger = logging.getLogger(__name__)


class Consumer:
    def __init__(self, url: str, queue: str = "jobs", workers: int = 4):
        self.redis = redis.from_url(url)
        self.queue = queue
        self.workers = workers
        self.running = False
        self.processed = 0

    async def handle(self, raw: bytes) -> None:
        job = json.loads(raw)
        handler = HANDLERS.get(job.get("type"))
        if handler is None:
            logger.warning("no handler for job type %s", job.get("type"))
            return
        await handler(job.get("payload", {}))
        self.processed += 1

    async def worker(self, number: int) -> None:
        logger.info("worker %d started", number)
        while self.running:
            try:
                item = await self.redis.blpop(self.queue, timeout=5)
                if item is None:
                    continue
                _, raw = item
                await self.handle(raw)
            except asyncio.CancelledError:
                logger.info("worker %d cancelled", number)
                break
            except Exception:
                logger.exception("job failed in worker %d", number)
                await asyncio.sleep(1)
        logger.info("worker %d stopped", number)

    async def run(self) -> None:
        self.running = True
        tasks = [asyncio.create_task(self.worker(n)) for n in range(self.workers)]
        try:
            await asyncio.wait(tasks)
        finally:
            self.running = False
            for task in tasks:
                task.cancel()
            await self.redis.aclose()

    async def stop(self):
        self.running = False


def main(url: str) -> None:
    consumer = Consumer(url)
    asyncio.run(consumer.run())
