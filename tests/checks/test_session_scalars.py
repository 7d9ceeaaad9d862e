"""The `session-scalars` check on realistic code: one-column queries through `execute()`."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "session-scalars"


def judged(code: str) -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        """\
from sqlalchemy import select
from sqlalchemy.orm import Session


def active_users(session: Session) -> list[User]:
    stmt = select(User).where(User.is_active).order_by(User.created_at)
    return list(session.execute(stmt).scalars().all())
""",
        [7],
        id="assigned-statement-read-with-scalars",
    ),
    param(
        """\
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession


async def find_by_email(session: AsyncSession, email: str) -> User | None:
    result = await session.execute(select(User).where(User.email == email))
    return result.scalar_one_or_none()
""",
        [6],
        id="awaited-one-entity-select",
    ),
    param(
        """\
from sqlalchemy import func, select


class OrderRepository:
    def __init__(self, db_session) -> None:
        self.db_session = db_session

    def count(self) -> int:
        return self.db_session.execute(select(func.count()).select_from(Order)).scalar_one()

    def ids(self) -> list[int]:
        return [row[0] for row in self.db_session.execute(select(Order.id)).all()]
""",
        [9, 12],
        id="scalar-one-and-rows-of-one-column",
    ),
]

COMPLIANT = [
    param(
        """\
from sqlalchemy import select
from sqlalchemy.orm import Session


def active_users(session: Session) -> list[User]:
    stmt = select(User).where(User.is_active)
    return list(session.scalars(stmt).all())
""",
        id="scalars",
    ),
    param(
        """\
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession


async def find_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email))
""",
        id="awaited-scalar",
    ),
    param(
        """\
from sqlalchemy import func, select


def count_orders(db) -> int:
    return db.scalars(select(func.count()).select_from(Order)).one()
""",
        id="scalars-one",
    ),
]

NOT_APPLICABLE = [
    param(
        """\
from sqlalchemy import select
from sqlalchemy.orm import Session


def order_totals(session: Session) -> list[tuple[int, int]]:
    rows = session.execute(select(Order.id, Order.total)).all()
    return [(row.id, row.total) for row in rows]
""",
        id="two-columns",
    ),
    param(
        """\
from sqlalchemy import update


def deactivate(session, user_id: int) -> None:
    session.execute(update(User).where(User.id == user_id).values(is_active=False))
    cursor.execute("SELECT 1").fetchone()
""",
        id="update-and-not-a-session",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_session_scalars_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_session_scalars_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_session_scalars_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)
