# path: src/crm/models.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=violation
# expect: dunder-all=compliant class-length=compliant repr=compliant union-operator=violation
# expect: sqlalchemy-declarative-base=compliant sqlalchemy-mapped-column=compliant
# expect: sqlalchemy-typed-relationship=violation sqlalchemy-back-populates=violation
# expect: builtin-generics=violation timezone-aware=violation f-strings=compliant no-any=compliant
# expect: function-length=compliant parameter-count=compliant google-docstrings=na
# expect: type-checking-imports=compliant
"""Customer and address models for the CRM service."""

from datetime import datetime
from typing import List, Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, backref, mapped_column, relationship

__all__ = ["Address", "Base", "Customer", "Note"]


class Base(DeclarativeBase):
    """Declarative base of the CRM models."""

    def __repr__(self) -> str:
        """Show the class and primary key."""
        return f"{type(self).__name__}(id={getattr(self, 'id', None)!r})"


class Customer(Base):
    """A customer account."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[Optional[str]] = mapped_column(String(320), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=datetime.utcnow)

    addresses: Mapped[List["Address"]] = relationship(
        backref=backref("customer", lazy="joined"), cascade="all, delete-orphan"
    )
    notes = relationship("Note", order_by="Note.created_at", back_populates="customer")


class Address(Base):
    """A postal address; a customer can have several."""

    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    line1: Mapped[str] = mapped_column(String(200))
    line2: Mapped[Optional[str]] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))


class Note(Base):
    """A free-text note written by an account manager."""

    __tablename__ = "customer_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    body: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=datetime.now)

    customer: Mapped[Customer] = relationship(back_populates="notes")
