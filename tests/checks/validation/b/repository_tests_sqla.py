# path: tests/accounts/test_repository.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: pytest-style=compliant test-names=violation function-length=compliant parameter-count=compliant
# expect: google-docstrings=violation timezone-aware=compliant sqlalchemy-select=compliant
# expect: type-checking-imports=na
# expect: comprehensions=compliant
# expect: no-any=compliant
# expect: relative-imports=compliant
# expect: keyword-only=violation session-scalars=compliant
"""Tests for UserRepository against an in-memory SQLite database."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from accounts.models import ApiToken, Base, User
from accounts.repository import UserRepository


@pytest.fixture
def session():
    engine = create_engine("sqlite:///:memory:")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        yield session


@pytest.fixture
def repo(session: Session) -> UserRepository:
    return UserRepository(session)


def make_user(session: Session, email: str, active: bool = True) -> User:
    user = User(email=email, is_active=active)
    session.add(user)
    session.flush()
    return user


def test_by_email(repo, session):
    make_user(session, "ada@example.com")
    assert repo.by_email("ADA@example.com").email == "ada@example.com"


def test_by_email_unknown(repo):
    assert repo.by_email("nobody@example.com") is None


def test_active_users_excludes_inactive(repo, session):
    make_user(session, "a@example.com")
    make_user(session, "b@example.com", active=False)
    assert [user.email for user in repo.active()] == ["a@example.com"]


def test_purge_expired_tokens(repo: UserRepository, session: Session) -> None:
    user = make_user(session, "c@example.com")
    now = datetime.now(UTC)
    session.add_all(
        [
            ApiToken(user_id=user.id, token_hash="old", expires_at=now - timedelta(days=1)),
            ApiToken(user_id=user.id, token_hash="new", expires_at=now + timedelta(days=1)),
        ]
    )
    session.flush()
    assert repo.purge_expired_tokens() == 1
    remaining = session.scalars(select(ApiToken.token_hash)).all()
    assert remaining == ["new"]
