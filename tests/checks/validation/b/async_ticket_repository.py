# path: src/helpdesk/tickets/repository.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: sqlalchemy-select=compliant async-blocking=compliant class-length=compliant repr=compliant
# expect: union-operator=compliant builtin-generics=compliant abc-imports=compliant no-any=compliant
# expect: type-checking-imports=compliant relative-imports=compliant timezone-aware=compliant
# expect: comprehensions=compliant structlog=compliant
# expect: f-strings=compliant
# expect: session-scalars=compliant async-session=compliant
"""Async persistence for helpdesk tickets."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from structlog import get_logger

from .models import Ticket, TicketStatus

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

__all__ = ["TicketRepository"]

log = get_logger(__name__)


class TicketRepository:
    """Reads and writes tickets in one async session."""

    def __init__(self, session: AsyncSession) -> None:
        """Wrap an async session.

        Args:
            session: The session; the caller commits.
        """
        self._session = session

    def __repr__(self) -> str:
        """Identify the repository in logs."""
        return f"TicketRepository(session={id(self._session):#x})"

    async def get(self, ticket_id: int) -> Ticket | None:
        """Load a ticket.

        Args:
            ticket_id: The primary key.

        Returns:
            The ticket, or None if it does not exist.
        """
        return await self._session.get(Ticket, ticket_id)

    async def open_for(self, assignee_id: int) -> Sequence[Ticket]:
        """List an agent's open tickets, oldest first.

        Args:
            assignee_id: The agent.

        Returns:
            The tickets.
        """
        stmt = (
            select(Ticket)
            .where(Ticket.assignee_id == assignee_id, Ticket.status != TicketStatus.CLOSED)
            .order_by(Ticket.opened_at)
        )
        result = await self._session.scalars(stmt)
        return result.all()

    async def counts_by_status(self) -> dict[TicketStatus, int]:
        """Count tickets per status.

        Returns:
            The counts; statuses without tickets are absent.
        """
        rows = await self._session.execute(select(Ticket.status, func.count()).group_by(Ticket.status))
        return {status: count for status, count in rows.tuples()}

    async def close_stale(self, ticket_ids: Sequence[int]) -> int:
        """Close tickets in one statement.

        Args:
            ticket_ids: The tickets to close.

        Returns:
            How many rows changed.
        """
        stmt = (
            update(Ticket)
            .where(Ticket.id.in_(ticket_ids))
            .values(status=TicketStatus.CLOSED, closed_at=datetime.now(UTC))
        )
        result = await self._session.execute(stmt)
        log.info("tickets_closed", count=result.rowcount)
        return result.rowcount
