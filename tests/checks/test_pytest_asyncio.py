"""The `pytest-asyncio` check on realistic code: unmarked async tests and hand-run loops."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "pytest-asyncio"


def judged(code: str) -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, path="tests/test_client.py", select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        """\
import pytest

from app.client import fetch_status


async def test_fetch_status_healthy_service_returns_ok(httpx_mock):
    httpx_mock.add_response(json={"status": "ok"})
    assert await fetch_status("https://svc.local") == "ok"
""",
        [6],
        id="unmarked-async-test",
    ),
    param(
        """\
import asyncio

from app.client import fetch_status


def test_fetch_status_healthy_service_returns_ok():
    status = asyncio.run(fetch_status("https://svc.local"))
    assert status == "ok"


def test_fetch_status_timeout_returns_down():
    loop = asyncio.new_event_loop()
    assert loop.run_until_complete(fetch_status("https://slow.local")) == "down"
""",
        [7, 13],
        id="loop-run-by-hand",
    ),
    param(
        """\
import pytest


@pytest.fixture
async def client():
    async with make_client() as client:
        yield client


@pytest.mark.asyncio
async def test_client_ping_succeeds(client):
    assert await client.ping()
""",
        [5],
        id="async-fixture-under-pytest-fixture",
    ),
]

COMPLIANT = [
    param(
        """\
import pytest

from app.client import fetch_status


@pytest.mark.asyncio
async def test_fetch_status_healthy_service_returns_ok():
    assert await fetch_status("https://svc.local") == "ok"
""",
        id="marked-test",
    ),
    param(
        """\
import pytest

pytestmark = pytest.mark.asyncio


async def test_fetch_status_healthy_service_returns_ok():
    assert await fetch_status("https://svc.local") == "ok"
""",
        id="module-pytestmark",
    ),
    param(
        """\
import pytest_asyncio


@pytest_asyncio.fixture
async def client():
    async with make_client() as client:
        yield client
""",
        id="pytest-asyncio-fixture",
    ),
]

NOT_APPLICABLE = [
    param(
        """\
from app.parsing import parse_status


def test_parse_status_ok_body_returns_ok():
    assert parse_status('{"status": "ok"}') == "ok"


async def helper() -> str:
    return "ok"
""",
        id="sync-tests-and-async-helper",
    ),
    param(
        """\
import pytest


@pytest.mark.anyio
async def test_fetch_status_healthy_service_returns_ok():
    assert await fetch_status("https://svc.local") == "ok"
""",
        id="anyio-plugin",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_pytest_asyncio_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_pytest_asyncio_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_pytest_asyncio_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)
