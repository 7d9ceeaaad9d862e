# path: src/streaming/consumer.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant task-group=violation cancelled-error=violation structlog=compliant
# expect: class-length=compliant repr=violation orjson=compliant contextlib-suppress=compliant
# expect: builtin-generics=compliant abc-imports=compliant no-any=compliant bare-except=compliant
# expect: f-strings=compliant union-operator=compliant type-statement=violation
# expect: no-pickle=compliant
# expect: type-checking-imports=violation
"""Consume order events from Kafka and project them into the read model."""

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import suppress

import orjson
from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError
from structlog import get_logger

__all__ = ["OrderEventConsumer"]

log = get_logger(__name__)

Projector = Callable[[dict[str, object]], Awaitable[None]]


class OrderEventConsumer:
    """Reads the `orders` topic and applies each event with a projector."""

    def __init__(self, consumer: AIOKafkaConsumer, projector: Projector) -> None:
        """Wrap a consumer that is already subscribed."""
        self.consumer = consumer
        self.projector = projector
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        async for message in self.consumer:
            event = orjson.loads(message.value)
            try:
                await self.projector(event)
            except KafkaError as exc:
                log.error("projection_failed", offset=message.offset, error=str(exc))
                continue
            await self.consumer.commit()

    def start(self) -> None:
        """Start consuming in the background."""
        self._task = asyncio.create_task(self._run(), name="order-event-consumer")

    async def stop(self) -> None:
        """Stop consuming and close the consumer."""
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
        await self.consumer.stop()
        log.info(f"consumer stopped after {self.consumer.assignment()} partitions")
