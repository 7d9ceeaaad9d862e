"""Checks narrowed to what the standard's wording asks (public API, inheritable `__repr__`,
annotations read at run time, `@override`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import mark
from typer.testing import CliRunner

from canon.checks import check_source
from canon.checks.engine import run_checks
from canon.checks.model import Settings
from canon.cli import app

if TYPE_CHECKING:
    from pathlib import Path

    from pytest import MonkeyPatch


def violations(code: str, check_id: str) -> int:
    result = check_source(code, select=frozenset({check_id}))
    assert result.syntax_error is None
    return result.tally[check_id].violations


def tally(code: str, check_id: str, settings: Settings | None = None) -> tuple[int, int]:
    result = run_checks(code, path="snippet.py", check_ids=(check_id,), settings=settings)
    assert result.syntax_error is None
    return result.tally[check_id].opportunities, result.tally[check_id].violations


# google-docstrings: public API only, sections only when they have something to say

UNDOCUMENTED_ARGS = '''\
    def {name}(self, value: int) -> int:
        """Do it."""
        return value
'''


@mark.parametrize(
    "code",
    [
        'def _helper(value: int) -> int:\n    """Do it."""\n    return value\n',
        "class Box:\n" + UNDOCUMENTED_ARGS.format(name="__eq__"),
        "class Box:\n" + UNDOCUMENTED_ARGS.format(name="_compute"),
        "class _Hidden:\n" + UNDOCUMENTED_ARGS.format(name="compute"),
        'def outer() -> None:\n    """Outer."""\n\n'
        '    def inner(value: int) -> int:\n        """Inner."""\n        return value\n',
        'class Box:\n    @property\n    def size(self) -> int:\n        """The size."""\n'
        "        return 1\n",
        "class Box:\n    @size.setter\n    def size(self, value: int) -> None:\n"
        '        """Set the size."""\n',
        "from typing import override\n\n\nclass Box(Base):\n    @override\n"
        + UNDOCUMENTED_ARGS.format(name="compute"),
        "import typing\n\n\nclass Box(Base):\n    @typing.override\n"
        + UNDOCUMENTED_ARGS.format(name="compute"),
    ],
    ids=[
        "private-function",
        "dunder",
        "private-method",
        "method-of-private-class",
        "nested-function",
        "property",
        "property-setter",
        "override",
        "typing-override",
    ],
)
def test_google_docstrings_not_public_api_not_flagged(code: str):
    assert violations(code, "google-docstrings") == 0


def test_google_docstrings_public_method_missing_args_flagged():
    code = "class Box:\n" + UNDOCUMENTED_ARGS.format(name="compute")
    assert violations(code, "google-docstrings") == 1


DOCUMENTED_VALUE = '    """Run.\n\n    Args:\n        value: A value.\n    """\n'


@mark.parametrize(
    "code",
    [
        'class Box:\n    def close(self) -> None:\n        """Close it."""\n',
        'class Box:\n    @classmethod\n    def make(cls) -> None:\n        """Make one."""\n',
        f"def run(value: int):\n{DOCUMENTED_VALUE}",
        f"def run(value: int) -> None:\n{DOCUMENTED_VALUE}",
    ],
    ids=["only-self", "only-cls", "unannotated-return", "returns-none"],
)
def test_google_docstrings_no_parameters_or_result_no_section_needed(code: str):
    assert violations(code, "google-docstrings") == 0


SPHINX_DUNDER = '''\
class Money:
    def __add__(self, other: int) -> int:
        """Add.

        :param other: The other amount.
        """
'''
NUMPY_PRIVATE = '''\
def _add(other: int) -> int:
    """Add.

    Parameters
    ----------
    other : int
    """
'''


@mark.parametrize("code", [SPHINX_DUNDER, NUMPY_PRIVATE], ids=["sphinx", "numpy"])
def test_google_docstrings_foreign_style_flagged_even_outside_public_api(code: str):
    assert violations(code, "google-docstrings") == 1


def test_google_docstrings_annotated_result_needs_returns():
    code = f"def size(value: int) -> int:\n{DOCUMENTED_VALUE}"
    assert violations(code, "google-docstrings") == 1


# docstrings (docs.public-api): the base documents an `@override`

OVERRIDE = '''\
"""Shapes."""

from typing import override

__all__ = ["Square"]


class Square(Shape):
    """A square."""

    @override
    def area(self) -> float:
        return 1.0

    def perimeter(self) -> float:
        return 4.0
'''


def test_docstrings_override_exempt_plain_method_flagged():
    result = check_source(OVERRIDE, select=frozenset({"docstrings"}))
    assert [f.line for f in result.findings] == [15]


# repr: only classes that cannot inherit one


@mark.parametrize(
    ("code", "expected"),
    [
        ("class Plain:\n    x = 1\n", (1, 1)),
        ("class Plain(object):\n    x = 1\n", (1, 1)),
        ("from abc import ABC\n\n\nclass Shape(ABC):\n    x = 1\n", (1, 1)),
        ("from typing import Generic\n\n\nclass Box(Generic[T]):\n    x = 1\n", (1, 1)),
        ("class Base:\n    x = 1\n\n\nclass Child(Base):\n    y = 2\n", (2, 2)),
        (
            "class Base:\n    def __repr__(self) -> str:\n        return 'Base()'\n\n\n"
            "class Child(Base):\n    y = 2\n",
            (2, 0),
        ),
        ("import libcst as cst\n\n\nclass Visitor(cst.CSTVisitor):\n    x = 1\n", (0, 0)),
        (
            "from libcst import CSTVisitor\n\n\nclass Base(CSTVisitor):\n    x = 1\n\n\n"
            "class Visitor(Base):\n    y = 2\n",
            (0, 0),
        ),
        ("from pydantic import BaseModel\n\n\nclass User(BaseModel):\n    x: int\n", (1, 0)),
        ("class Wrapped(dict):\n    x = 1\n", (0, 0)),
    ],
    ids=[
        "no-base",
        "object",
        "abc",
        "generic",
        "local-base-without",
        "local-base-with",
        "imported-base",
        "imported-base-through-local-base",
        "pydantic",
        "builtin-base",
    ],
)
def test_repr_only_classes_that_cannot_inherit_one(code: str, expected: tuple[int, int]):
    assert tally(code, "repr") == expected


@mark.parametrize(
    "code",
    [
        "from dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n    x: int\n",
        "import attrs\n\n\n@attrs.define\nclass Point:\n    x: int\n",
        "from typing import Protocol\n\n\nclass Sized(Protocol):\n    x: int\n",
        "from enum import Enum\n\n\nclass Color(Enum):\n    RED = 1\n",
        "class Failure(Exception):\n    code = 1\n",
        "from typing import TypedDict\n\n\nclass Row(TypedDict):\n    x: int\n",
        "from typing import NamedTuple\n\n\nclass Pair(NamedTuple):\n    x: int\n",
        "from dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n    x: int\n\n\n"
        "class Point3(Point):\n    z: int = 0\n",
    ],
    ids=[
        "dataclass",
        "attrs",
        "protocol",
        "enum",
        "exception",
        "typeddict",
        "namedtuple",
        "dataclass-subclass",
    ],
)
def test_repr_exempt_kinds_not_flagged(code: str):
    assert violations(code, "repr") == 0


def test_repr_protocol_implementation_in_same_file_flagged():
    code = (
        "from typing import Protocol\n\n\nclass Sized(Protocol):\n    x: int\n\n\n"
        "class Box(Sized):\n    x = 1\n"
    )
    assert violations(code, "repr") == 1


# type-checking-imports: names that are never moved, annotations read at run time

FUTURE = "from __future__ import annotations\n\n"


@mark.parametrize(
    "imports",
    [
        "from typing import Literal",
        "from typing_extensions import Literal",
        "from collections.abc import Callable as Literal",
        "from dataclasses import InitVar as Literal",
    ],
)
def test_type_checking_imports_typing_modules_never_flagged(imports: str):
    code = f"{FUTURE}{imports}\n\n\ndef f(x: Literal) -> None:\n    pass\n"
    assert violations(code, "type-checking-imports") == 0


def test_type_checking_imports_annotation_only_import_flagged():
    code = f"{FUTURE}from app.models import User\n\n\ndef f(x: User) -> None:\n    pass\n"
    assert violations(code, "type-checking-imports") == 1


PYDANTIC = f"""{FUTURE}from app.clock import Moment

from pydantic import BaseModel


class Event(BaseModel):
    at: Moment
"""
PYDANTIC_SUBCLASS = f"""{FUTURE}from app.clock import Moment

import pydantic


class Base(pydantic.BaseModel):
    pass


class Event(Base):
    at: Moment
"""
TYPED_DICT = f"""{FUTURE}from app.clock import Moment
from typing import TypedDict


class Event(TypedDict):
    at: Moment
"""
NAMED_TUPLE = f"""{FUTURE}from app.clock import Moment
from typing import NamedTuple


class Event(NamedTuple):
    at: Moment
"""


@mark.parametrize(
    "code",
    [PYDANTIC, PYDANTIC_SUBCLASS, TYPED_DICT, NAMED_TUPLE],
    ids=["pydantic", "pydantic-transitive", "typeddict", "namedtuple"],
)
def test_type_checking_imports_runtime_evaluated_classes_not_flagged(code: str):
    assert tally(code, "type-checking-imports")[1] == 0


def test_type_checking_imports_pydantic_method_annotation_still_flagged():
    code = PYDANTIC.replace("    at: Moment\n", "    def at(self, now: Moment) -> None:\n")
    code += "        pass\n"
    assert tally(code, "type-checking-imports")[1] == 1


def test_type_checking_imports_base_classes_option_replaces_default():
    settings = Settings(runtime_evaluated_base_classes=("sqlalchemy.orm.DeclarativeBase",))
    assert tally(PYDANTIC, "type-checking-imports", settings)[1] == 1
    orm = PYDANTIC.replace("pydantic import BaseModel", "sqlalchemy.orm import DeclarativeBase")
    orm = orm.replace("(BaseModel)", "(DeclarativeBase)")
    assert tally(orm, "type-checking-imports", settings)[1] == 0


TYPER = f"""{FUTURE}from pathlib import Path

import typer

app = typer.Typer()


@app.command("run")
def run(path: Path) -> None:
    pass
"""
ATTRS = f"""{FUTURE}from app.clock import Moment

from attrs import define


@define
class Event:
    at: Moment
"""


@mark.parametrize(
    ("code", "decorators"),
    [
        (TYPER, ("typer.Typer.command",)),
        (TYPER, ("app.command",)),
        (ATTRS, ("attrs.define",)),
    ],
    ids=["typer-through-instance", "typer-as-written", "attrs"],
)
def test_type_checking_imports_runtime_evaluated_decorators(code: str, decorators: tuple[str, ...]):
    assert tally(code, "type-checking-imports")[1] == 1
    settings = Settings(runtime_evaluated_decorators=decorators)
    assert tally(code, "type-checking-imports", settings)[1] == 0


def test_type_checking_imports_guarded_import_counts_as_followed():
    code = (
        f"{FUTURE}from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from app.models import Group, User\n\n\n"
        "def f(x: User, y: Group) -> None:\n    pass\n"
    )
    assert tally(code, "type-checking-imports") == (2, 0)


def test_check_pyproject_runtime_evaluated_decorators_read(
    tmp_path: Path, monkeypatch: MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cli.py").write_text(TYPER, encoding="utf-8")
    args = ["check", "cli.py", "--select", "type-checking-imports", "--no-cache"]
    assert CliRunner().invoke(app, args).exit_code == 1
    (tmp_path / "pyproject.toml").write_text(
        '[tool.canon]\nruntime-evaluated-decorators = ["typer.Typer.command"]\n',
        encoding="utf-8",
    )
    assert CliRunner().invoke(app, args).exit_code == 0


def test_check_pyproject_runtime_option_not_strings_exit_2(
    tmp_path: Path, monkeypatch: MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cli.py").write_text(TYPER, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.canon]\nruntime-evaluated-base-classes = 1\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["check", "cli.py"])
    assert result.exit_code == 2
    assert "runtime-evaluated-base-classes must be a list of strings" in result.stderr


# dataclass checks: the finding is the decorator, so a reasoned suppression sits on its line

MUTABLE = """\
from dataclasses import dataclass


@dataclass(slots=True, kw_only=True)  # canon: ignore[dataclass-frozen, dataclass-options] grows
class Tally:
    count: int = 0
"""


def test_dataclass_options_flags_decorator_line():
    code = MUTABLE.replace("  # canon: ignore[dataclass-frozen, dataclass-options] grows", "")
    result = check_source(code, select=frozenset({"dataclass-options", "dataclass-frozen"}))
    assert {(f.check, f.line) for f in result.findings} == {
        ("dataclass-options", 4),
        ("dataclass-frozen", 4),
    }


def test_dataclass_suppression_on_decorator_line_applies(tmp_path: Path, monkeypatch: MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tally.py").write_text(MUTABLE, encoding="utf-8")
    args = ["check", "tally.py", "--select", "dataclass-options", "--select", "dataclass-frozen"]
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stdout) == (0, "")
