# path: src/library/models.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=violation
# expect: dunder-all=compliant class-length=compliant repr=violation union-operator=violation
# expect: sqlalchemy-declarative-base=compliant sqlalchemy-mapped-column=violation
# expect: sqlalchemy-typed-relationship=violation sqlalchemy-back-populates=violation
# expect: timezone-aware=compliant google-docstrings=compliant function-length=compliant
# expect: parameter-count=compliant builtin-generics=compliant no-any=compliant
# expect: type-checking-imports=compliant
"""Models for the lending library: members, books and loans."""

from datetime import UTC, date, datetime
from typing import Optional

from sqlalchemy import Column, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = ["Base", "Book", "Loan", "Member"]


class Base(DeclarativeBase):
    """Base class of the library models."""


class Member(Base):
    """A library card holder."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_number: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    joined_on: Mapped[date] = mapped_column(Date, default=date.today)

    loans = relationship("Loan", back_populates="member")


class Book(Base):
    """A physical copy of a title."""

    __tablename__ = "books"

    id: Mapped[int] = mapped_column(primary_key=True)
    isbn: Mapped[str] = mapped_column(String(13), index=True)
    title: Mapped[str] = mapped_column(String(300))
    shelf = Column(String(20), nullable=True)

    loans: Mapped[list["Loan"]] = relationship(backref="book_copy")


class Loan(Base):
    """A book lent to a member."""

    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    book_id: Mapped[int] = mapped_column(ForeignKey("books.id"))
    lent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(UTC))
    due_on: Mapped[date]
    returned_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    renewals = Column(Integer, default=0)

    member: Mapped["Member"] = relationship(back_populates="loans")

    def is_overdue(self, today: date) -> bool:
        """Tell whether the loan is overdue.

        Args:
            today: The date to compare against.

        Returns:
            True when the book is still out after its due date.
        """
        return self.returned_at is None and today > self.due_on
