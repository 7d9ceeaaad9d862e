# path: src/helpdesk/models.py
# expect: sqlalchemy-declarative-base=violation sqlalchemy-mapped-column=violation
# expect: sqlalchemy-back-populates=violation sqlalchemy-typed-relationship=violation sqlalchemy-select=violation
# expect: specific-imports=violation docstrings=compliant google-docstrings=violation dunder-all=compliant
# expect: annotations=violation repr=compliant timezone-aware=violation union-operator=compliant
# expect: function-length=compliant parameter-count=compliant module-length=compliant class-length=compliant
# expect: no-star-args=compliant wildcard-import=compliant relative-imports=compliant f-strings=compliant
# expect: no-any=compliant
"""Helpdesk tickets and their comments."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import backref, declarative_base, relationship

__all__ = ["Base", "Comment", "Ticket", "TicketStatus", "open_tickets_for"]

Base = declarative_base()


class TicketStatus(enum.Enum):
    """Where a ticket is in its life."""

    OPEN = "open"
    WAITING = "waiting"
    CLOSED = "closed"


class Ticket(Base):
    """A customer's support request."""

    __tablename__ = "tickets"

    id = sa.Column(sa.Integer, primary_key=True)
    subject = sa.Column(sa.String(200), nullable=False)
    customer_email = sa.Column(sa.String(255), nullable=False, index=True)
    status = sa.Column(sa.Enum(TicketStatus), default=TicketStatus.OPEN, nullable=False)
    created_at = sa.Column(sa.DateTime, default=datetime.utcnow)

    def __repr__(self) -> str:
        """Show id, status and subject."""
        return f"<Ticket {self.id} {self.status.value}: {self.subject[:30]}>"


class Comment(Base):
    """A message on a ticket, from the customer or an agent."""

    __tablename__ = "ticket_comments"

    id = sa.Column(sa.Integer, primary_key=True)
    ticket_id = sa.Column(sa.Integer, sa.ForeignKey("tickets.id"), nullable=False)
    author = sa.Column(sa.String(120), nullable=False)
    body = sa.Column(sa.Text, nullable=False)
    internal = sa.Column(sa.Boolean, default=False)

    ticket = relationship(Ticket, backref=backref("comments", order_by=id))

    def __repr__(self) -> str:
        """Show the comment's ticket and author."""
        return f"<Comment {self.id} on {self.ticket_id} by {self.author}>"


def open_tickets_for(session: sa.orm.Session, email: str) -> list[Ticket]:
    """The customer's tickets that are not closed, newest first."""
    return (
        session.query(Ticket)
        .filter(Ticket.customer_email == email, Ticket.status != TicketStatus.CLOSED)
        .order_by(Ticket.created_at.desc())
        .all()
    )
