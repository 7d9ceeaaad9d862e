# path: src/messaging/outbox_relay.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: cancelled-error=violation async-blocking=compliant structlog=compliant sqlalchemy-select=compliant
# expect: class-length=compliant repr=compliant orjson=compliant timezone-aware=compliant
# expect: type-checking-imports=compliant no-any=compliant bare-except=violation
# expect: f-strings=compliant fstring-debug=compliant
# expect: comprehensions=compliant
# expect: no-pickle=compliant
# expect: relative-imports=compliant
# expect: session-scalars=compliant async-session=compliant
"""Relay rows from the transactional outbox table to the message broker."""

from __future__ import annotations

from asyncio import sleep
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from orjson import dumps
from sqlalchemy import select, update
from structlog import get_logger

from messaging.models import OutboxMessage

if TYPE_CHECKING:
    from aio_pika.abc import AbstractExchange
    from sqlalchemy.ext.asyncio import async_sessionmaker

__all__ = ["OutboxRelay"]

log = get_logger(__name__)


class OutboxRelay:
    """Publishes unsent outbox rows in order, marking each as sent."""

    def __init__(self, sessions: async_sessionmaker, exchange: AbstractExchange, batch: int = 100) -> None:
        """Create a relay.

        Args:
            sessions: Opens database sessions.
            exchange: Where messages are published.
            batch: Rows read per poll.
        """
        self._sessions = sessions
        self._exchange = exchange
        self._batch = batch

    def __repr__(self) -> str:
        """Show the batch size."""
        return f"OutboxRelay(batch={self._batch})"

    async def relay_once(self) -> int:
        """Publish one batch of unsent messages.

        Returns:
            How many messages were published.
        """
        async with self._sessions() as session, session.begin():
            stmt = (
                select(OutboxMessage)
                .where(OutboxMessage.sent_at.is_(None))
                .order_by(OutboxMessage.id)
                .limit(self._batch)
                .with_for_update(skip_locked=True)
            )
            messages = (await session.scalars(stmt)).all()
            for message in messages:
                await self._exchange.publish(
                    message.to_amqp(dumps(message.payload)), routing_key=message.topic
                )
                log.debug(f"published {message.id=} {message.topic=}")
            ids = [message.id for message in messages]
            if ids:
                await session.execute(
                    update(OutboxMessage).where(OutboxMessage.id.in_(ids)).values(sent_at=datetime.now(UTC))
                )
        return len(messages)

    async def run(self, idle_delay: float = 1.0) -> None:
        """Relay forever, sleeping when the outbox is empty.

        Args:
            idle_delay: Seconds to wait after an empty poll.
        """
        while True:
            try:
                published = await self.relay_once()
            except BaseException:
                log.exception("outbox_relay_failed")
                await sleep(5)
                continue
            if not published:
                await sleep(idle_delay)
