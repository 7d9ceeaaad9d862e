"""The `async-session` check on realistic code: a synchronous `Session` inside `async def`."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "async-session"


def judged(code: str) -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        """\
from fastapi import Depends
from sqlalchemy.orm import Session


async def read_user(user_id: int, db: Session = Depends(get_db)) -> User | None:
    return db.get(User, user_id)
""",
        [5],
        id="fastapi-endpoint-sync-session",
    ),
    param(
        """\
from sqlalchemy import delete
from sqlalchemy.orm import Session


async def purge_expired(engine) -> None:
    with Session(engine) as session:
        session.execute(delete(Token).where(Token.expired))
        session.commit()
""",
        [6, 7, 8],
        id="session-created-and-used-unawaited",
    ),
    param(
        """\
from sqlalchemy.orm import sessionmaker

SessionLocal = sessionmaker(bind=engine)


class OrderService:
    async def place(self, order: Order) -> None:
        factory = sessionmaker(bind=engine)
        self.session.add(order)
        self.session.flush()
""",
        [8, 10],
        id="sessionmaker-in-async-and-unawaited-flush",
    ),
]

COMPLIANT = [
    param(
        """\
from sqlalchemy.ext.asyncio import AsyncSession


async def rename(session: AsyncSession, user_id: int, name: str) -> None:
    user = await session.get(User, user_id)
    user.name = name
""",
        id="async-session-parameter",
    ),
    param(
        """\
from sqlalchemy import delete


async def purge_expired() -> None:
    async with SessionLocal() as session:
        await session.execute(delete(Token).where(Token.expired))
""",
        id="awaited-execute",
    ),
    param(
        """\
from sqlalchemy.ext.asyncio import async_sessionmaker


async def make_factory(engine) -> None:
    return async_sessionmaker(engine, expire_on_commit=False)
""",
        id="async-sessionmaker",
    ),
]

NOT_APPLICABLE = [
    param(
        """\
from sqlalchemy.orm import Session


def read_user(session: Session, user_id: int) -> User | None:
    session.commit()
    return session.get(User, user_id)
""",
        id="sync-code-with-sync-session",
    ),
    param(
        """\
import aiohttp


async def fetch(session: aiohttp.ClientSession, url: str) -> str:
    async with session.get(url) as response:
        return await response.text()
""",
        id="http-session-in-async",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_async_session_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_async_session_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_async_session_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)
