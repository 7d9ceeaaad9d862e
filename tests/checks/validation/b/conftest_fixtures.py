# path: tests/conftest.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: type-checking-imports=compliant
# expect: abc-imports=compliant
# expect: no-any=compliant
# expect: timezone-aware=compliant
# expect: relative-imports=compliant
"""Shared fixtures: an isolated database, an app client and a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from shop.api import create_app
from shop.db import Base, get_session

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session


@pytest.fixture(scope="session")
def engine() -> Iterator[Engine]:
    """An in-memory SQLite engine with the schema created.

    Yields:
        The engine; disposed after the test session.
    """
    engine = create_engine("sqlite+pysqlite:///:memory:", future=True)
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session whose changes are rolled back after each test.

    Args:
        engine: The test engine.

    Yields:
        The session.
    """
    connection = engine.connect()
    transaction = connection.begin()
    session = sessionmaker(bind=connection)()
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture
def client(session: Session, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """An API client whose requests use the test session.

    Args:
        session: The rolled-back session.
        monkeypatch: Pytest's monkeypatch fixture.

    Returns:
        The client.
    """
    monkeypatch.setenv("SHOP_SECRET_KEY", "test-only-not-a-secret")
    app = create_app()
    app.dependency_overrides[get_session] = lambda: session
    return TestClient(app)


@pytest.fixture
def frozen_now() -> datetime:
    """A fixed, timezone-aware "now" for time-dependent tests.

    Returns:
        Noon UTC on 2024-03-01.
    """
    return datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
