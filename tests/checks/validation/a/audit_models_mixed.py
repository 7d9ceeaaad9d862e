# path: src/audit/models.py
# expect: sqlalchemy-declarative-base=compliant sqlalchemy-mapped-column=violation sqlalchemy-select=compliant
# expect: sqlalchemy-back-populates=compliant sqlalchemy-typed-relationship=violation specific-imports=compliant
# expect: docstrings=compliant google-docstrings=compliant dunder-all=compliant annotations=violation
# expect: union-operator=compliant timezone-aware=compliant abc-imports=compliant repr=compliant
# expect: function-length=compliant parameter-count=compliant orjson=compliant no-any=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
# expect: type-checking-imports=violation
# expect: session-scalars=compliant
"""Audit trail tables: who changed what, and when."""

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

__all__ = ["AuditEntry", "Base", "Actor", "entries_for"]


class Base(DeclarativeBase):
    """Base of the audit tables."""


class Actor(Base):
    """A user or service account that changes records."""

    __tablename__ = "audit_actors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20), default="user")

    entries = relationship("AuditEntry", back_populates="actor")


class AuditEntry(Base):
    """One change to one record."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("audit_actors.id"))
    table_name = Column(String(80), nullable=False, index=True)
    record_id = Column(String(64), nullable=False, index=True)
    action: Mapped[str] = mapped_column(String(10))
    changes = Column(JSON, nullable=False, default=dict)
    at = Column(DateTime(timezone=True), default=lambda: datetime.now(UTC))

    actor: Mapped[Actor] = relationship(back_populates="entries")

    def __repr__(self) -> str:
        """Show the change compactly.

        Returns:
            `<AuditEntry action table:id>`.
        """
        return f"<AuditEntry {self.action} {self.table_name}:{self.record_id}>"


def entries_for(session: Session, table: str, record_id: str) -> Sequence[AuditEntry]:
    """The changes to one record, oldest first.

    Args:
        session: The database session.
        table: The table's name.
        record_id: The record's primary key, as text.

    Returns:
        The entries.
    """
    statement = (
        select(AuditEntry)
        .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.at)
    )
    return session.scalars(statement).all()
