# path: tests/conftest.py
# expect: docstrings=violation annotations=violation specific-imports=violation pathlib=violation
# expect: hardcoded-secrets=compliant function-length=compliant parameter-count=compliant
# expect: sqlalchemy-declarative-base=na
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
import os
import tempfile

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db import Base
from app.main import create_app
from app.settings import Settings


@pytest.fixture(scope="session")
def database_url():
    folder = tempfile.mkdtemp()
    return "sqlite:///" + os.path.join(folder, "test.db")


@pytest.fixture(scope="session")
def engine(database_url):
    engine = create_engine(database_url)
    Base.metadata.create_all(engine)
    yield engine
    Base.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def session(engine):
    connection = engine.connect()
    transaction = connection.begin()
    session = sessionmaker(bind=connection)()
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture
def settings(database_url):
    return Settings(
        database_url=database_url,
        secret_key=os.environ.get("TEST_SECRET_KEY", "test-only-not-secret"),
        debug=True,
    )


@pytest.fixture
def app(settings, session):
    application = create_app(settings)
    application.dependency_overrides_session = lambda: session
    return application


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client
