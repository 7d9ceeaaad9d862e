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


# type-statement: every type alias, however spelled.


def test_type_statement_plain_assignment_alias_is_judged():
    for alias in (
        "Vector = list[float]\n",
        "Pair = tuple[int, str]\n",
        "from collections.abc import Callable\n\nHandler = Callable[[int], None]\n",
        "X = int | None\n",
        "class Circle: ...\n\n\nclass Square: ...\n\n\nShape = Circle | Square\n",
        "from typing import TypeAlias\n\nX: TypeAlias = int\n",
        "from typing import TypeAliasType\n\nX = TypeAliasType('X', int)\n",
        "class Grid:\n    Cells = list[list[int]]\n",
    ):
        assert tally(alias, "type-statement") == Tally(opportunities=1, violations=1), alias
    assert tally("type Vector = list[float]\n", "type-statement") == Tally(opportunities=1)


def test_type_statement_ordinary_values_are_not_aliases():
    code = (
        "from typing import TypeVar\n\n"
        "DEFAULTS = list()\nx = dict(a=1)\nNAMES = ['a']\nT = TypeVar('T')\nLIMIT = 3\n"
        "service = Service()\nvalue = CONFIG['key']\nFLAGS = READ | WRITE\n"
        "class Cookie:\n    Strict = 1\n    Lax = 2\n    Both = Strict | Lax\n"
        "def f():\n    Local = list[int]\n"
    )
    assert tally(code, "type-statement") == Tally()


def test_type_statement_annotated_with_runtime_metadata_not_judged():
    code = (
        "from typing import Annotated\n\nfrom sqlalchemy.orm import mapped_column\n\n"
        "intpk = Annotated[int, mapped_column(primary_key=True)]\n"
    )
    assert tally(code, "type-statement") == Tally()
