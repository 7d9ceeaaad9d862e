# path: src/library/models.py
# expect: sqlalchemy-declarative-base=compliant sqlalchemy-mapped-column=compliant
# expect: sqlalchemy-back-populates=compliant sqlalchemy-typed-relationship=compliant specific-imports=compliant
# expect: docstrings=compliant dunder-all=compliant annotations=compliant repr=violation google-docstrings=violation
# expect: union-operator=compliant timezone-aware=compliant type-checking-imports=compliant
# expect: module-length=compliant class-length=compliant function-length=compliant parameter-count=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""ORM models of the lending service (SQLAlchemy 2.0 style)."""

from datetime import UTC, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = ["Base", "Book", "Loan", "Member"]


class Base(DeclarativeBase):
    """Base class of the lending service's tables."""


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class Member(Base):
    """A library member."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    card_number: Mapped[str] = mapped_column(String(20), unique=True)

    loans: Mapped[list["Loan"]] = relationship(back_populates="member")


class Book(Base):
    """A copy of a book."""

    __tablename__ = "books"

    id: Mapped[int] = mapped_column(primary_key=True)
    isbn: Mapped[str] = mapped_column(String(13), index=True)
    title: Mapped[str] = mapped_column(String(300))
    author: Mapped[str] = mapped_column(String(200))

    loans: Mapped[list["Loan"]] = relationship(back_populates="book")


class Loan(Base):
    """A book lent to a member."""

    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    book_id: Mapped[int] = mapped_column(ForeignKey("books.id"))
    borrowed_at: Mapped[datetime] = mapped_column(default=utc_now)
    due_at: Mapped[datetime]
    returned_at: Mapped[datetime | None] = mapped_column(default=None)

    member: Mapped[Member] = relationship(back_populates="loans")
    book: Mapped[Book] = relationship(back_populates="loans")

    @property
    def is_open(self) -> bool:
        """Whether the book is still out."""
        return self.returned_at is None
