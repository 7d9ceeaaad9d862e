"""The `context-managers` check on realistic code: protocol-only classes vs `@contextmanager`."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "context-managers"


def judged(code: str) -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        """\
import psycopg


class DatabaseConnection:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.conn = None

    def __enter__(self) -> psycopg.Connection:
        self.conn = psycopg.connect(self.dsn)
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.close()
        self.conn = None
""",
        [4],
        id="connection-closed-on-exit",
    ),
    param(
        """\
import shutil
import tempfile
from pathlib import Path


class TemporaryWorkspace:
    def __enter__(self) -> Path:
        self.path = Path(tempfile.mkdtemp())
        return self.path

    def __exit__(self, *exc_info: object) -> bool:
        shutil.rmtree(self.path)
        return False
""",
        [6],
        id="temporary-directory",
    ),
    param(
        """\
class AcquiredLock:
    def __init__(self, lock) -> None:
        self._lock = lock

    async def __aenter__(self) -> None:
        await self._lock.acquire()

    async def __aexit__(self, exc_type, exc, tb) -> None:
        self._lock.release()
""",
        [1],
        id="async-pair",
    ),
]

COMPLIANT = [
    param(
        """\
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg


@contextmanager
def database_connection(dsn: str) -> Iterator[psycopg.Connection]:
    conn = psycopg.connect(dsn)
    try:
        yield conn
    finally:
        conn.close()
""",
        id="contextmanager-generator",
    ),
    param(
        """\
import contextlib


@contextlib.asynccontextmanager
async def acquired(lock):
    await lock.acquire()
    try:
        yield
    finally:
        lock.release()
""",
        id="asynccontextmanager-generator",
    ),
    param(
        """\
from time import perf_counter


class Timer:
    def __enter__(self) -> "Timer":
        self.start = perf_counter()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.elapsed = perf_counter() - self.start
""",
        id="class-exposing-state-after-the-block",
    ),
]

NOT_APPLICABLE = [
    param(
        """\
class Connection:
    def __enter__(self) -> "Connection":
        return self

    def close(self) -> None:
        self.socket.close()
""",
        id="enter-without-exit",
    ),
    param(
        """\
def read_config(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()
""",
        id="using-a-context-manager",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_context_managers_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_context_managers_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_context_managers_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)


def test_context_managers_class_with_its_own_methods_followed():
    code = (
        "class Client:\n    def __enter__(self):\n        return self\n\n"
        "    def __exit__(self, *exc):\n        self.close()\n\n"
        "    def fetch(self, url: str) -> bytes:\n        return self.session.get(url)\n"
    )
    assert judged(code) == ([], 1)
