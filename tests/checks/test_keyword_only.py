"""The `keyword-only` check on realistic code: many positional parameters or a positional flag."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "keyword-only"


def judged(code: str) -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        '''\
def create_user(name: str, email: str, age: int, country: str) -> dict[str, object]:
    """Build a user record."""
    return {"name": name, "email": email, "age": age, "country": country}
''',
        [1],
        id="four-positional",
    ),
    param(
        '''\
class ReportService:
    """Builds reports."""

    def export(self, report_id: str, path: str, include_charts: bool) -> None:
        """Export one report."""
        self.writer.write(report_id, path, charts=include_charts)
''',
        [4],
        id="positional-bool-flag-in-method",
    ),
    param(
        '''\
def fetch_orders(
    customer_id: int,
    status: str,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, object]]:
    """Fetch a page of orders."""
    return query(customer_id, status, limit, offset)


def resize(path: str, width: int, keep_ratio=True) -> None:
    """Resize an image in place."""
    save(path, width, keep_ratio)
''',
        [1, 11],
        id="defaults-still-positional-and-default-flag",
    ),
]

COMPLIANT = [
    param(
        '''\
def create_user(*, name: str, email: str, age: int, country: str) -> dict[str, object]:
    """Build a user record."""
    return {"name": name, "email": email, "age": age, "country": country}
''',
        id="all-keyword-only",
    ),
    param(
        '''\
class ReportService:
    """Builds reports."""

    def export(self, report_id: str, path: str, *, include_charts: bool = False) -> None:
        """Export one report."""
        self.writer.write(report_id, path, charts=include_charts)
''',
        id="flag-after-star",
    ),
    param(
        '''\
def fetch_orders(customer_id: int, *, status: str, limit: int = 50, offset: int = 0) -> list:
    """Fetch a page of orders."""
    return query(customer_id, status, limit, offset)
''',
        id="one-positional-rest-keyword-only",
    ),
]

NOT_APPLICABLE = [
    param(
        '''\
def add(left: int, right: int) -> int:
    """Sum two numbers."""
    return left + right


class Point:
    """A point."""

    def __init__(self, x: float, y: float, z: float, w: float) -> None:
        self.x, self.y, self.z, self.w = x, y, z, w
''',
        id="few-parameters-and-dunder",
    ),
    param(
        """\
from fastapi import APIRouter

router = APIRouter()


@router.get("/orders")
def list_orders(customer_id: int, status: str, limit: int, offset: int) -> list:
    return []


def _merge(left: dict, right: dict, prefix: str, strict: bool) -> dict:
    return {**left, **right}


def test_merge_conflict_raises(tmp_path, monkeypatch, capsys, caplog):
    assert True
""",
        id="framework-private-and-test",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_keyword_only_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_keyword_only_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_keyword_only_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)
