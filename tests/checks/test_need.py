"""Opportunities by need (issue 12): code that avoids a construct is judged, not skipped.

Each check counts where its rule's concern arises, whatever form the code took; the form
decides followed or broken. And the false alarms the issue names stay quiet.
"""

from canon.checks import check_source
from canon.checks.model import Tally


def tally(code: str, check_id: str, path: str = "example.py") -> Tally:
    return check_source(code, path=path, select=frozenset({check_id})).tally[check_id]


# False alarms.


def test_timezone_aware_strptime_made_aware_by_replace():
    code = (
        "from datetime import UTC, datetime\n\n\n"
        "def parse(s: str, fmt: str) -> datetime:\n"
        "    return datetime.strptime(s, fmt).replace(tzinfo=UTC)\n"
    )
    assert tally(code, "timezone-aware") == Tally(opportunities=1, violations=0)
    naive = code.replace(".replace(tzinfo=UTC)", "")
    assert tally(naive, "timezone-aware") == Tally(opportunities=1, violations=1)


def test_async_blocking_lambda_handed_to_thread_is_not_blocking():
    code = (
        "import asyncio\nfrom pathlib import Path\n\n\n"
        "async def read(path: Path) -> str:\n"
        "    return await asyncio.to_thread(lambda: path.read_text())\n"
    )
    assert tally(code, "async-blocking") == Tally(opportunities=1, violations=0)
    blocking = code.replace("await asyncio.to_thread(lambda: path.read_text())", "path.read_text()")
    assert tally(blocking, "async-blocking").violations == 1


def test_self_type_binary_operator_returning_new_instance_is_fine():
    code = "class Money:\n    def __add__(self, other: Money) -> Money:\n        return Money()\n"
    assert tally(code, "self-type") == Tally(opportunities=1, violations=0)


def test_self_type_cls_constructed_by_name_flagged():
    code = "class Money:\n    @classmethod\n    def zero(cls) -> Money:\n        return cls()\n"
    assert tally(code, "self-type") == Tally(opportunities=1, violations=1)


def test_specific_imports_structlog_as_the_standard_writes_it():
    assert tally("import structlog\n", "specific-imports") == Tally(opportunities=1, violations=0)
    assert tally("import json\n", "specific-imports").violations == 1
