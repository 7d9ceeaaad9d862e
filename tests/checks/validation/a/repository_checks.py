# path: tests/accounts/test_repository.py
# expect: pytest-style=compliant test-names=compliant annotations=compliant specific-imports=compliant
# expect: docstrings=compliant sqlalchemy-select=compliant google-docstrings=compliant
# expect: function-length=compliant parameter-count=compliant type-checking-imports=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: session-scalars=violation
"""The user repository against an in-memory SQLite database."""

from collections.abc import Iterator

from pytest import fixture, raises
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from accounts.errors import DuplicateEmailError
from accounts.models import Base, User
from accounts.repository import UserRepository


@fixture
def session() -> Iterator[Session]:
    """A session on a fresh in-memory database."""
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as db:
        yield db


@fixture
def repository(session: Session) -> UserRepository:
    """The repository under test."""
    return UserRepository(session)


def test_add_new_user_assigns_id(repository: UserRepository) -> None:
    user = repository.add(User(email="ada@example.com", name="Ada"))
    assert user.id is not None


def test_add_duplicate_email_raises_duplicate_error(repository: UserRepository) -> None:
    repository.add(User(email="ada@example.com", name="Ada"))
    with raises(DuplicateEmailError):
        repository.add(User(email="ada@example.com", name="Other Ada"))


def test_by_email_other_case_finds_user(repository: UserRepository) -> None:
    repository.add(User(email="Grace@Example.com", name="Grace"))
    found = repository.by_email("grace@example.com")
    assert found is not None
    assert found.name == "Grace"


def test_deactivate_active_user_hides_from_active_list(
    repository: UserRepository, session: Session
) -> None:
    user = repository.add(User(email="linus@example.com", name="Linus"))
    repository.deactivate(user)
    assert repository.active() == []
    stored = session.execute(select(User).where(User.id == user.id)).scalar_one()
    assert stored.is_active is False
