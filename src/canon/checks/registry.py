"""The catalog of checks as plain data: importable without libcst, so loading is cheap.

The standards loader validates `check:` ids against `CHECK_IDS`; the engine imports a family's
module only when one of its checks is selected.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "CHECKS",
    "CHECK_IDS",
    "FAMILY_MODULES",
    "SPECIAL_CHECKS",
    "CheckInfo",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckInfo:
    """What one check is, without its code.

    Attributes:
        id: The check id rules name in `check:`.
        family: The family module that implements it.
        summary: What a violation is, in one sentence.
        heuristic: Whether it can be wrong; `caveat` says how.
        fixable: Whether `--fix` repairs its findings.
        caveat: How a heuristic check can be wrong.
    """

    id: str
    family: str
    summary: str
    heuristic: bool = False
    fixable: bool = False
    caveat: str = ""


def _info(family: str, rows: tuple[tuple[str, str, str, str], ...]) -> list[CheckInfo]:
    """Build infos from rows `(id, flags, summary, caveat)`; flags: `h` heuristic, `f` fixable."""
    return [
        CheckInfo(
            id=check_id,
            family=family,
            summary=summary,
            heuristic="h" in flags,
            fixable="f" in flags,
            caveat=caveat,
        )
        for check_id, flags, summary, caveat in rows
    ]


_TYPING = (
    ("pep695-generics", "", "`TypeVar` declared instead of PEP 695 type parameters.", ""),
    ("type-statement", "f", "`TypeAlias` annotation instead of the `type` statement.", ""),
    ("union-operator", "f", "`Optional[X]`/`Union[A, B]` instead of `X | None`/`A | B`.", ""),
    (
        "self-type",
        "h",
        "A method annotated to return its own class by name instead of `Self`.",
        "A method that deliberately returns the base class (never a subclass) is flagged too.",
    ),
    ("builtin-generics", "f", "`typing.List`/`Dict`/`Tuple`/... instead of builtins.", ""),
    ("abc-imports", "f", "Abstract collection types imported from `typing`.", ""),
    (
        "annotations",
        "h",
        "A parameter, return type or class attribute without an annotation.",
        "Class attributes of enums and `model_config`/`__slots__` are exempt; other "
        "framework attributes that must stay unannotated are flagged.",
    ),
    ("no-any", "", "`typing.Any` used.", ""),
    (
        "no-star-args",
        "h",
        "A function taking `*args` or `**kwargs`.",
        "Decorators and wrappers that must forward arguments are flagged too.",
    ),
)
_MODERN = (
    ("fstring-debug", "", "`f'name={name}'` instead of `f'{name=}'`.", ""),
    ("pathlib", "", "`os.path`, `os` file functions, `glob` or `open()` instead of pathlib.", ""),
    ("tomllib", "", "`toml`/`tomli` instead of the standard `tomllib`.", ""),
    ("no-pytz", "", "`pytz` instead of `zoneinfo`.", ""),
    (
        "dataclass-options",
        "h",
        "A dataclass without `frozen=True, slots=True, kw_only=True`.",
        "Every dataclass counts; one that must be mutable is flagged too.",
    ),
    ("dataclass-frozen", "h", "A dataclass without `frozen=True`.", "Every dataclass counts."),
    ("dataclass-kw-only", "", "A dataclass without `kw_only=True`.", ""),
    ("f-strings", "f", "`%` formatting or `.format()` on a literal instead of an f-string.", ""),
    ("duplicate-case-arms", "", "Two `case` arms of one `match` with the same body.", ""),
    ("timezone-aware", "", "A naive datetime: `now()`/`datetime()` without a timezone.", ""),
    (
        "comprehensions",
        "",
        "`map()`/`filter()` with a lambda instead of a comprehension.",
        "",
    ),
    (
        "orjson",
        "h",
        "The standard `json` module instead of `orjson`.",
        "Code that must avoid a compiled dependency is flagged too.",
    ),
    (
        "no-pickle",
        "h",
        "`pickle` (or `dill`, `shelve`) used.",
        "Trusted-data uses are flagged too.",
    ),
)
_ERRORS = (
    ("bare-except", "f", "A bare `except:`.", ""),
    ("raise-from", "", "`raise` inside `except` without `from`.", ""),
    (
        "contextlib-suppress",
        "",
        "`try`/`except`/`pass` instead of `contextlib.suppress()`.",
        "",
    ),
    (
        "cancelled-error",
        "",
        "`CancelledError` caught (or suppressed) and not re-raised.",
        "",
    ),
    (
        "async-blocking",
        "h",
        "A known blocking call (`time.sleep`, `requests`, `open`...) inside `async def`.",
        "Only calls from a fixed list are known; other blocking calls go unseen.",
    ),
    (
        "task-group",
        "h",
        "`asyncio.gather`/`create_task`/`wait` instead of `asyncio.TaskGroup`.",
        "Every use is flagged, including ones a TaskGroup cannot express.",
    ),
)
_STRUCTURE = (
    ("function-length", "", "A function over the limit (30 lines, docstring excluded).", ""),
    ("parameter-count", "", "A function with more parameters than the limit (5).", ""),
    ("class-length", "", "A class longer than the limit (200 lines).", ""),
    ("module-length", "", "A module longer than the limit (500 lines).", ""),
    (
        "dunder-all",
        "h",
        "A module with public names and no `__all__`.",
        "Scripts and test modules are exempt by name only.",
    ),
    ("wildcard-import", "", "`from module import *`.", ""),
    ("relative-imports", "", "A relative import reaching a parent package (`from ..x`).", ""),
    (
        "specific-imports",
        "h",
        "`import module` instead of `from module import Name`.",
        "Modules conventionally used qualified are flagged too.",
    ),
    (
        "type-checking-imports",
        "h",
        "An import used only in annotations, outside `if TYPE_CHECKING:`.",
        "Names from `typing`, `typing_extensions`, `collections.abc` and `dataclasses` are never "
        "flagged. Only applies with `from __future__ import annotations`. Annotations read at run "
        "time are known only in classes deriving in the same file from "
        "`runtime-evaluated-base-classes` (default `pydantic.BaseModel`), in `TypedDict` and "
        "`NamedTuple` classes, and "
        "under `runtime-evaluated-decorators` (`[tool.canon]`); other runtime readers are "
        "invisible.",
    ),
    (
        "repr",
        "h",
        "A class without `__repr__` that cannot inherit one.",
        "A class can inherit one from any base but `object`, `ABC` and `Generic[...]`, unless the "
        "base is in the same file without one; bases from other modules are assumed to give a "
        "useful `__repr__`. Dataclasses, attrs classes, protocols, enums, exceptions, `TypedDict` "
        "and `NamedTuple` classes are exempt by their decorator or base names only.",
    ),
)
_DOCS = (
    (
        "docstrings",
        "",
        "A public module, class, function or method without a docstring (`@override` exempt).",
        "",
    ),
    (
        "google-docstrings",
        "h",
        "A public docstring missing Google `Args:`/`Returns:` entries, or any with Sphinx or "
        "NumPy fields.",
        "Parameters are matched by name; prose documentation of them is not understood. `Args:` "
        "lists the parameters besides `self`/`cls`, `Returns:` an annotated, non-`None` result. "
        "Sections are required of public API only: not of `_private` names, dunders, nested "
        "functions, methods of private classes, properties and `@override` methods.",
    ),
    (
        "test-names",
        "h",
        "A test not named `test_<unit>_<scenario>_<expected>`.",
        "Counts underscores: a long unit name can pass without a scenario.",
    ),
    ("pytest-style", "", "A `unittest.TestCase` class instead of pytest functions.", ""),
)
_LIBRARIES = (
    ("sqlalchemy-declarative-base", "", "`declarative_base()` instead of `DeclarativeBase`.", ""),
    (
        "sqlalchemy-mapped-column",
        "",
        "`Column()` in a mapped class instead of `Mapped[T] = mapped_column()`.",
        "",
    ),
    (
        "sqlalchemy-select",
        "h",
        "`session.query()` instead of `select()`.",
        "Recognises the receiver by name (`session`, `db`...).",
    ),
    ("sqlalchemy-back-populates", "", "`backref` instead of `back_populates`.", ""),
    (
        "sqlalchemy-typed-relationship",
        "",
        "A `relationship()` attribute without a `Mapped[...]` annotation.",
        "",
    ),
    (
        "structlog",
        "h",
        "`print()` or the standard `logging` module instead of structlog.",
        "Scripts that must print are flagged too.",
    ),
    (
        "hardcoded-secrets",
        "h",
        "A secret-looking name bound to a string literal, or a token-shaped literal.",
        "Judges by names and token shapes: placeholders can be flagged, secrets missed.",
    ),
)

_ALL = (
    _info("typing", _TYPING)
    + _info("modern", _MODERN)
    + _info("errors", _ERRORS)
    + _info("structure", _STRUCTURE)
    + _info("docs", _DOCS)
    + _info("libraries", _LIBRARIES)
)

CHECKS: Mapping[str, CheckInfo] = MappingProxyType({info.id: info for info in _ALL})
CHECK_IDS: frozenset[str] = frozenset(CHECKS)
FAMILY_MODULES: Mapping[str, str] = MappingProxyType(
    {family: f"canon.checks.families.{family}" for family in {i.family for i in _ALL}}
)
SPECIAL_CHECKS: Mapping[str, str] = MappingProxyType(
    {
        "syntax": "The file does not parse.",
        "too-deep": "The file nests too deeply for the parser's tree walk (recursion limit).",
        "check-error": "A check failed on this file; the other checks' results stand.",
        "unreadable": "The file could not be read.",
    }
)
