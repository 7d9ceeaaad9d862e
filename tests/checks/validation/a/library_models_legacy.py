# path: src/library/db.py
# expect: sqlalchemy-declarative-base=violation sqlalchemy-mapped-column=violation sqlalchemy-select=violation
# expect: sqlalchemy-back-populates=violation sqlalchemy-typed-relationship=violation specific-imports=compliant
# expect: docstrings=violation google-docstrings=violation dunder-all=violation annotations=violation
# expect: repr=violation union-operator=violation timezone-aware=violation function-length=compliant
# expect: parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: constructor-injection=compliant
"""Database models and queries for the library's lending service."""

from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, create_engine
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import relationship, sessionmaker

engine = create_engine("sqlite:///library.db")
SessionLocal = sessionmaker(bind=engine)
Base = declarative_base()

LOAN_DAYS = 21


class Member(Base):
    __tablename__ = "members"
    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False)
    card_number = Column(String(20), unique=True)
    loans = relationship("Loan", backref="member")


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    isbn = Column(String(13), unique=True)
    title = Column(String(300))
    author = Column(String(200))
    loans = relationship("Loan", backref="book", lazy="select")


class Loan(Base):
    __tablename__ = "loans"
    id = Column(Integer, primary_key=True)
    member_id = Column(Integer, ForeignKey("members.id"))
    book_id = Column(Integer, ForeignKey("books.id"))
    borrowed_at = Column(DateTime, default=datetime.now)
    due_at = Column(DateTime)
    returned_at = Column(DateTime, nullable=True)


def lend(session, member_id: int, book_id: int) -> Loan:
    open_loan = session.query(Loan).filter_by(book_id=book_id, returned_at=None).first()
    if open_loan:
        raise ValueError("book is already lent out")
    now = datetime.now()
    loan = Loan(member_id=member_id, book_id=book_id, borrowed_at=now, due_at=now + timedelta(days=LOAN_DAYS))
    session.add(loan)
    session.commit()
    return loan


def give_back(session, loan_id: int) -> Optional[Loan]:
    loan = session.query(Loan).get(loan_id)
    if loan is None:
        return None
    loan.returned_at = datetime.now()
    session.commit()
    return loan


def overdue(session):
    return session.query(Loan).filter(Loan.returned_at.is_(None), Loan.due_at < datetime.now()).all()


def find_books(session, text: str):
    pattern = f"%{text}%"
    return session.query(Book).filter(Book.title.ilike(pattern) | Book.author.ilike(pattern)).all()
