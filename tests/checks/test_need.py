"""Opportunities by need (issue 12): code that avoids a construct is judged, not skipped.

Each check counts where its rule's concern arises, whatever form the code took; the form
decides followed or broken. And the false alarms the issue names stay quiet.
"""

from __future__ import annotations

from pytest import mark

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


@mark.parametrize(
    "alias",
    [
        "Vector = list[float]\n",
        "Pair = tuple[int, str]\n",
        "from collections.abc import Callable\n\nHandler = Callable[[int], None]\n",
        "X = int | None\n",
        "class Circle: ...\n\n\nclass Square: ...\n\n\nShape = Circle | Square\n",
        "from typing import TypeAlias\n\nX: TypeAlias = int\n",
        "from typing import TypeAliasType\n\nX = TypeAliasType('X', int)\n",
        "class Grid:\n    Cells = list[list[int]]\n",
    ],
)
def test_type_statement_plain_assignment_alias_is_judged(alias: str):
    assert tally(alias, "type-statement") == Tally(opportunities=1, violations=1)


def test_type_statement_statement_follows():
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


# type-checking-imports: an annotation-only import in every file, future import or not.


def test_type_checking_imports_judged_without_future_import():
    code = "from app.models import User\n\n\ndef f(x: User) -> None:\n    pass\n"
    found = check_source(code, select=frozenset({"type-checking-imports"}))
    assert found.tally["type-checking-imports"] == Tally(opportunities=1, violations=1)
    assert "from __future__ import annotations" in found.findings[0].message
    guarded = (
        "from __future__ import annotations\n\nfrom typing import TYPE_CHECKING\n\n"
        "if TYPE_CHECKING:\n    from app.models import User\n\n\n"
        "def f(x: User) -> None:\n    pass\n"
    )
    assert tally(guarded, "type-checking-imports") == Tally(opportunities=1, violations=0)


def test_type_checking_imports_runtime_use_is_no_opportunity():
    code = "from app.models import User\n\n\ndef f() -> object:\n    return User()\n"
    assert tally(code, "type-checking-imports") == Tally()


def test_type_checking_imports_sqlalchemy_and_settings_models_read_at_run_time():
    orm = (
        "from datetime import datetime\n\nfrom sqlalchemy.orm import Mapped\n\n"
        "from app.db import Base\n\n\n"
        "class Order(Base):\n    __tablename__ = 'orders'\n    placed: Mapped[datetime]\n"
    )
    assert tally(orm, "type-checking-imports").violations == 0
    settings = (
        "from pydantic import SecretStr\nfrom pydantic_settings import BaseSettings\n\n\n"
        "class Settings(BaseSettings):\n    key: SecretStr\n"
    )
    assert tally(settings, "type-checking-imports").violations == 0


# contextlib-suppress: every handler that only ignores, flagged where `suppress` fits.


def test_contextlib_suppress_ignoring_handlers_in_any_try_are_judged():
    cases = {
        "try:\n    f()\nexcept KeyError:\n    ...\n": Tally(opportunities=1, violations=1),
        "try:\n    f()\nexcept KeyError:\n    pass\nexcept ValueError:\n    pass\n": Tally(
            opportunities=1, violations=1
        ),
        "for x in y:\n    try:\n        f(x)\n    except KeyError:\n        continue\n": Tally(
            opportunities=1, violations=1
        ),
        "def h():\n    try:\n        f()\n    except KeyError:\n        return\n": Tally(
            opportunities=1, violations=1
        ),
        "try:\n    f()\n    g()\nexcept KeyError:\n    pass\n": Tally(
            opportunities=1, violations=1
        ),
        # suppress cannot say these: followed by keeping the try
        "try:\n    f()\nexcept KeyError:\n    pass\nexcept ValueError:\n    log()\n": Tally(
            opportunities=1
        ),
        "for x in y:\n    try:\n        f(x)\n    except KeyError:\n        continue\n    g(x)\n": (
            Tally(opportunities=1)
        ),
        "def h():\n    try:\n        return f()\n    except KeyError:\n        return None\n": (
            Tally(opportunities=1)
        ),
        # a handler that acts is no opportunity
        "try:\n    f()\nexcept KeyError:\n    log(1)\n": Tally(),
    }
    for code, expected in cases.items():
        assert tally(code, "contextlib-suppress") == expected, code


# fstring-debug: every debug log call interpolating a value.


def test_fstring_debug_any_interpolating_debug_call_is_judged():
    cases = {
        "log.debug('w: %s', w)\n": Tally(opportunities=1, violations=1),
        "logger.debug(f'w: {w}')\n": Tally(opportunities=1, violations=1),
        "logging.debug('w ' + str(w))\n": Tally(opportunities=1, violations=1),
        "logger.debug('w {}'.format(w))\n": Tally(opportunities=1, violations=1),
        "logger.debug(f'{w=}')\n": Tally(opportunities=1),
        # no interpolation, or not a debug log call: no opportunity
        "logger.debug('started', w=w)\n": Tally(),
        "logger.info('w: %s', w)\n": Tally(),
        "parser.debug('a %s', b)\n": Tally(),
    }
    for code, expected in cases.items():
        assert tally(code, "fstring-debug") == expected, code


# dataclass rules: value-like classes of any kind; mutable registries are not told to freeze.

DATACLASS_IDS = ("dataclass-frozen", "dataclass-kw-only", "dataclass-options")


def _dataclass_tallies(code: str) -> list[Tally]:
    return [tally(code, check_id) for check_id in DATACLASS_IDS]


def test_dataclass_rules_judge_namedtuples_and_plain_value_classes():
    named = "from typing import NamedTuple\n\n\nclass Point(NamedTuple):\n    x: int\n"
    assert _dataclass_tallies(named) == [
        Tally(opportunities=1),  # immutable already
        Tally(opportunities=1, violations=1),
        Tally(opportunities=1, violations=1),
    ]
    plain = (
        "class Point:\n    def __init__(self, x: int, y: int) -> None:\n"
        "        self.x = x\n        self.y = y\n"
    )
    assert _dataclass_tallies(plain) == [Tally(opportunities=1, violations=1)] * 3


def test_dataclass_rules_services_and_stateful_classes_are_no_value_objects():
    service = "class Client:\n    def __init__(self, session):\n        self._session = session\n"
    stateful = (
        "class Counter:\n    def __init__(self, n: int) -> None:\n        self.n = n\n\n"
        "    def bump(self) -> None:\n        self.n += 1\n"
    )
    assert _dataclass_tallies(service) == [Tally()] * 3
    assert _dataclass_tallies(stateful) == [Tally()] * 3


def test_dataclass_mutable_registry_not_told_to_freeze():
    registry = (
        "from dataclasses import dataclass, field\n\n\n"
        "@dataclass(slots=True, kw_only=True)\nclass Registry:\n"
        "    handlers: dict[str, int] = field(default_factory=dict)\n"
    )
    assert _dataclass_tallies(registry) == [Tally(), Tally(opportunities=1), Tally(opportunities=1)]
    mutating = (
        "from dataclasses import dataclass\n\n\n@dataclass(slots=True, kw_only=True)\n"
        "class Queue:\n    items: list[int]\n\n"
        "    def push(self, item: int) -> None:\n        self.items.append(item)\n"
    )
    assert tally(mutating, "dataclass-frozen") == Tally()
    assert tally(mutating.replace("slots=True, ", ""), "dataclass-options").violations == 1


# google-docstrings: every public function, documented or not.


def test_google_docstrings_undocumented_public_function_is_judged():
    bare = "def scale(values: list[float], factor: float) -> list[float]:\n    return values\n"
    assert tally(bare, "google-docstrings") == Tally(opportunities=1, violations=1)
    simple = 'def main() -> None:\n    """Run."""\n'
    assert tally(simple, "google-docstrings") == Tally(opportunities=1)
    exempt = "def _helper(x):\n    return x\n\n\ndef test_scale():\n    assert True\n"
    assert tally(exempt, "google-docstrings") == Tally()
