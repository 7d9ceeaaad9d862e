# path: src/helpdesk/tickets/models.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant class-length=compliant repr=compliant union-operator=compliant
# expect: sqlalchemy-declarative-base=compliant sqlalchemy-mapped-column=compliant
# expect: sqlalchemy-typed-relationship=compliant sqlalchemy-back-populates=compliant
# expect: timezone-aware=compliant builtin-generics=compliant no-any=compliant f-strings=compliant
# expect: google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: type-checking-imports=compliant
"""Ticket, comment and agent models for the helpdesk."""

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import DateTime, Enum, ForeignKey, String, Text
from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = ["Agent", "Base", "Comment", "Ticket", "TicketStatus"]


def _now() -> datetime:
    return datetime.now(UTC)


class TicketStatus(StrEnum):
    """Where a ticket is in its lifecycle."""

    OPEN = "open"
    WAITING = "waiting"
    CLOSED = "closed"


class Base(AsyncAttrs, DeclarativeBase):
    """Base of the helpdesk models, with awaitable lazy attributes."""

    def __repr__(self) -> str:
        """Show the class name and primary key."""
        return f"<{type(self).__name__} {getattr(self, 'id', '?')}>"


class Agent(Base):
    """A support agent."""

    __tablename__ = "agents"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    tickets: Mapped[list["Ticket"]] = relationship(back_populates="assignee")


class Ticket(Base):
    """A customer request."""

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(250))
    status: Mapped[TicketStatus] = mapped_column(Enum(TicketStatus), default=TicketStatus.OPEN)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    assignee: Mapped[Agent | None] = relationship(back_populates="tickets")
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="Comment.created_at"
    )

    def age_hours(self, now: datetime) -> float:
        """Hours since the ticket was opened.

        Args:
            now: The current, aware time.

        Returns:
            The age in hours.
        """
        return (now - self.opened_at).total_seconds() / 3600


class Comment(Base):
    """A reply on a ticket, from the customer or an agent."""

    __tablename__ = "ticket_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)
    internal: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    ticket: Mapped[Ticket] = relationship(back_populates="comments")
