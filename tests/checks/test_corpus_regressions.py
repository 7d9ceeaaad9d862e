"""Regressions found by the labelled validation corpus (tests/checks/validation/b).

Each test is realistic code of the kind that exposed the miss or the false alarm, with the
exact lines the check must report.
"""

from __future__ import annotations

from canon.checks import check_source


def finding_lines(code: str, check_id: str, path: str = "src/app/module.py") -> list[int]:
    result = check_source(code, path=path, select=frozenset({check_id}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings]


def opportunities(code: str, check_id: str, path: str = "src/app/module.py") -> int:
    result = check_source(code, path=path, select=frozenset({check_id}))
    return result.tally[check_id].opportunities


# repr

LEGACY_MODELS = '''\
"""Blog models, legacy declarative style."""

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"

    id = Column(Integer, primary_key=True)
    name = Column(String(120), nullable=False)


class Post(Base):
    __tablename__ = "posts"

    id = Column(Integer, primary_key=True)
    author_id = Column(ForeignKey("authors.id"))
    author = relationship("Author")

    def __repr__(self):
        return f"<Post {self.id}>"
'''


def test_repr_declarative_base_models_without_repr_flagged():
    assert finding_lines(LEGACY_MODELS, "repr") == [9]


def test_repr_declarative_base_with_repr_mixin_not_flagged():
    code = LEGACY_MODELS.replace(
        "Base = declarative_base()",
        "class ReprMixin:\n    def __repr__(self):\n        return type(self).__name__\n\n\n"
        "Base = declarative_base(cls=ReprMixin)",
    )
    assert finding_lines(code, "repr") == []


TYPED_MODELS = '''\
"""Library models."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Base class of the library models."""


class Member(Base):
    """A library member."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class Loan(Base):
    """A book on loan."""

    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))

    def __repr__(self) -> str:
        return f"Loan(id={self.id!r})"
'''


def test_repr_declarative_base_subclass_models_flagged_not_the_base():
    assert finding_lines(TYPED_MODELS, "repr") == [11]


def test_repr_base_with_repr_models_inherit_it():
    code = TYPED_MODELS.replace(
        '    """Base class of the library models."""\n',
        '    """Base class of the library models."""\n\n'
        "    def __repr__(self) -> str:\n        return type(self).__name__\n",
    )
    assert finding_lines(code, "repr") == []


def test_repr_mapped_as_dataclass_models_not_flagged():
    code = TYPED_MODELS.replace(
        "DeclarativeBase, Mapped,", "DeclarativeBase, Mapped, MappedAsDataclass,"
    ).replace("class Base(DeclarativeBase):", "class Base(MappedAsDataclass, DeclarativeBase):")
    assert finding_lines(code, "repr") == []


PYTEST_CLASS = """\
from app.parsers import parse_access_line


class TestAccessLine:
    def test_parse_access_line_valid_line_returns_fields(self):
        assert parse_access_line("GET / 200")["status"] == 200


class FakeClock:
    def now(self):
        return 0
"""


def test_repr_pytest_test_class_in_test_module_not_flagged():
    assert finding_lines(PYTEST_CLASS, "repr", path="tests/test_parsers.py") == [9]


def test_repr_test_named_class_outside_tests_flagged():
    assert finding_lines(PYTEST_CLASS, "repr", path="src/app/parsers.py") == [4, 9]


FLASK_VIEWS = """\
from flask import render_template
from flask.views import MethodView


class CustomerListView(MethodView):
    def get(self):
        return render_template("customers.html")
"""


def test_repr_flask_method_view_flagged():
    assert finding_lines(FLASK_VIEWS, "repr") == [5]


# hardcoded-secrets

FLAGS_CLIENT = '''\
"""Feature flags, read from the flags service."""

import httpx

FLAGS_SDK_KEY = "sdk-prod-7c1e4b2a-93f0-4d6e-b8a1-2f5c9d0e6a37"
CACHE_KEY = "feature-flags-v2"
LICENSE_KEY = "replace-me-in-production"


def client(base_url: str = "https://flags.internal") -> httpx.Client:
    return httpx.Client(base_url=base_url, headers={"Authorization": FLAGS_SDK_KEY})
'''


def test_hardcoded_secrets_random_value_in_key_name_flagged():
    assert finding_lines(FLAGS_CLIENT, "hardcoded-secrets") == [5]


DATABASE_URLS = """\
import os

from sqlalchemy import create_engine

REPORTING_URL = "postgresql://reporting:r3p0rt1ng!@db.internal:5432/shop"
LEGACY_URL = os.environ.get("LEGACY_URL", "mysql+pymysql://legacy:legacy@old-db/crm")
DOCS_URL = "postgresql://user:password@localhost/app"
TEMPLATE_URL = "postgresql://app:${DB_PASSWORD}@db/app"
NO_PASSWORD_URL = "postgresql://app@db.internal/app"
HTTP_URL = "https://example.com/login?next=/@me"
engine = create_engine("postgresql+psycopg://migrator:m1gr4t0r-pw@new-db/crm")
password_url = f"postgresql://app:{os.environ['DB_PASSWORD']}@db/app"
"""


def test_hardcoded_secrets_password_in_url_literal_flagged_placeholders_not():
    assert finding_lines(DATABASE_URLS, "hardcoded-secrets") == [5, 11]
    # 2 flagged, 3 placeholders, 1 password from the environment
    assert opportunities(DATABASE_URLS, "hardcoded-secrets") == 6


# sqlalchemy-select

MIGRATION = """\
import pandas as pd
from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker

Base = declarative_base()
Factory = sessionmaker()


class Customer(Base):
    __tablename__ = "customers"

    id = Column(Integer, primary_key=True)
    email = Column(String(255))


def migrate(url: str) -> int:
    legacy = sessionmaker(bind=create_engine(url))()
    total = legacy.query(Customer).count()
    with Session(create_engine(url)) as target:
        target.query(Customer.id).all()
    report = pd.DataFrame({"amount": [1, -1]})
    report.query("amount > 0")
    return total


def count(conn: Session) -> int:
    return conn.query(Customer).count()


def newest(store) -> Customer:
    return store.query(Customer).order_by(Customer.id.desc()).first()


def made() -> None:
    worker = Factory()
    worker.query(Base).all()
"""


def test_sqlalchemy_select_query_on_any_session_flagged():
    assert finding_lines(MIGRATION, "sqlalchemy-select") == [18, 20, 27, 31, 36]


# structlog

FLASK_LOGGING = """\
import structlog
from flask import Flask, current_app

app = Flask(__name__)
log = structlog.get_logger()


def save(customer_id: int) -> None:
    try:
        current_app.extensions["db"].commit()
    except RuntimeError:
        current_app.logger.exception("could not save customer %s", customer_id)
        log.error("save_failed", customer_id=customer_id)
    app.logger.info("saved %s", customer_id)
"""


def test_structlog_flask_app_logger_flagged():
    assert finding_lines(FLASK_LOGGING, "structlog") == [12, 14]


# bare-except, raise-from, cancelled-error: `except BaseException` and `except*`

RELAY = """\
import structlog
from asyncio import sleep

log = structlog.get_logger()


async def relay_forever(relay) -> None:
    while True:
        try:
            await relay.relay_once()
        except BaseException:
            log.exception("outbox_relay_failed")
            await sleep(5)


def shutdown(worker) -> None:
    try:
        worker.stop()
    except BaseException:
        worker.kill()
        raise
"""


def test_bare_except_base_exception_swallowed_flagged_reraised_not():
    assert finding_lines(RELAY, "bare-except") == [11]
    assert opportunities(RELAY, "bare-except") == 2


GROUPS = """\
from asyncio import CancelledError, TaskGroup


class ImportFailedError(Exception):
    pass


async def import_all(batches, load) -> None:
    try:
        async with TaskGroup() as group:
            for batch in batches:
                group.create_task(load(batch))
    except* OSError as failures:
        raise ImportFailedError(f"{len(failures.exceptions)} batches failed") from failures
    except* ValueError:
        raise ImportFailedError("bad batch")
    except* CancelledError:
        pass
    except* BaseException:
        return
"""


def test_except_star_handlers_judged_by_handler_checks():
    assert finding_lines(GROUPS, "raise-from") == [16]
    assert opportunities(GROUPS, "raise-from") == 2
    assert finding_lines(GROUPS, "cancelled-error") == [17, 19]
    assert finding_lines(GROUPS, "bare-except") == [19]
    assert opportunities(GROUPS, "bare-except") == 4


# dunder-all: scripts have no public API

SCRIPT = '''\
"""Bump the version in pyproject.toml."""

import re
import sys
from pathlib import Path

VERSION_RE = re.compile(r'^version = "(.+)"$', re.MULTILINE)


def bump(path: Path) -> str:
    text = path.read_text()
    return VERSION_RE.sub('version = "2.0.0"', text)


if __name__ == "__main__":
    sys.exit(bump(Path(sys.argv[1])) == "")
'''


def test_dunder_all_script_folder_and_top_level_script_exempt():
    assert finding_lines(SCRIPT, "dunder-all", path="scripts/bump_version.py") == []
    assert finding_lines(SCRIPT, "dunder-all", path="tools/bin/bump.py") == []
    assert finding_lines(SCRIPT, "dunder-all", path="bump_version.py") == []


def test_dunder_all_package_module_with_main_block_flagged():
    assert finding_lines(SCRIPT, "dunder-all", path="src/release/bump.py") == [1]
    library = SCRIPT.partition("\n\nif __name__")[0] + "\n"
    assert finding_lines(library, "dunder-all", path="bump_version.py") == [1]


# annotations: dunder class attributes are typed by their protocol

USER_MODELS = """\
from pydantic import BaseModel, ConfigDict
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    __table_args__ = {"schema": "auth"}

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255))
    default_role = "member"


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
"""


def test_annotations_dunder_class_attributes_exempt_plain_flagged():
    assert finding_lines(USER_MODELS, "annotations") == [16]


# docstrings: special methods are public API (PEP 257, ruff D105/D107); private classes are not

BUCKET = '''\
"""A token bucket rate limiter."""

from time import monotonic
from typing import override


class TokenBucket:
    """Allows `rate` requests a second, in bursts of up to `capacity`."""

    def __init__(self, capacity: float, rate: float) -> None:
        self.capacity = capacity
        self.rate = rate
        self.tokens = capacity
        self.stamp = monotonic()

    def __repr__(self) -> str:
        """The bucket's settings and level."""
        return f"TokenBucket(capacity={self.capacity}, tokens={self.tokens:.1f})"

    @override
    def __eq__(self, other: object) -> bool:
        return isinstance(other, TokenBucket) and other.capacity == self.capacity

    def _refill(self) -> None:
        self.tokens = min(self.capacity, self.tokens + (monotonic() - self.stamp) * self.rate)


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def tick(self) -> float:
        self.now += 1.0
        return self.now
'''


def test_docstrings_special_methods_of_public_class_flagged():
    assert finding_lines(BUCKET, "docstrings") == [10]


PAYMENTS = """\
from os import environ, getenv

import httpx


def client() -> httpx.Client:
    return httpx.Client(auth=(environ["PAYMENTS_SECRET_KEY"], ""))


def weather_headers() -> dict[str, str]:
    return {"X-Api-Key": getenv("OPEN_METEO_API_KEY", ""), "X-Region": environ["REGION"]}
"""


def test_hardcoded_secrets_secret_from_environment_counted_not_flagged():
    assert finding_lines(PAYMENTS, "hardcoded-secrets") == []
    assert opportunities(PAYMENTS, "hardcoded-secrets") == 2


def test_structlog_configuration_counted_as_followed():
    code = "import structlog\n\nstructlog.configure(cache_logger_on_first_use=True)\n"
    assert finding_lines(code, "structlog") == []
    assert opportunities(code, "structlog") == 1
