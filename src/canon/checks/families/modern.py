"""Modern-Python checks.

pathlib, f-strings, `tomllib`, `zoneinfo`, dataclass options, aware datetimes, comprehensions,
`orjson`, no `pickle`, no duplicate `case` arms.
"""

from collections.abc import Mapping
from re import compile as re_compile
from re import split
from types import MappingProxyType
from typing import ClassVar, override

from libcst import (
    Attribute,
    BinaryOperation,
    Call,
    ClassDef,
    ConcatenatedString,
    CSTNode,
    Decorator,
    DictComp,
    Divide,
    FormattedString,
    FormattedStringExpression,
    FormattedStringText,
    GeneratorExp,
    Import,
    ImportFrom,
    Lambda,
    ListComp,
    Match,
    Module,
    Modulo,
    Name,
    SetComp,
    SimpleString,
)

from canon.checks.base import Check, FileContext, dotted
from canon.checks.families.format_calls import format_to_fstring

__all__ = [
    "CHECKS",
    "Comprehensions",
    "DataclassFrozen",
    "DataclassKwOnly",
    "DataclassOptions",
    "DuplicateCaseArms",
    "FStringDebug",
    "FStrings",
    "NoPickle",
    "NoPytz",
    "Orjson",
    "Pathlib",
    "TimezoneAware",
    "Tomllib",
]


class FStringDebug(Check):
    """Debug output uses `f"{name=}"`, not `f"name={name}"`."""

    check_id: ClassVar[str] = "fstring-debug"

    @override
    def visit_FormattedString(self, node: FormattedString) -> None:
        """Flag `name={name}` pairs; count `{name=}`."""
        parts = node.parts
        for index, part in enumerate(parts):
            if not isinstance(part, FormattedStringExpression):
                continue
            if part.equal is not None:
                self.ok()
                continue
            before = parts[index - 1] if index else None
            if not isinstance(before, FormattedStringText):
                continue
            text = before.value.rstrip()
            if not text.endswith("="):
                continue
            label = split(r"[\s(,:;]", text[:-1].rstrip())[-1]
            expression = Module(body=()).code_for_node(part.expression)
            if label and label == expression:
                self.flag(part, f"`{label}={{{label}}}`; write `{{{label}=}}`")


_OS_PATH_FUNCTIONS = frozenset(
    {
        "abspath", "basename", "dirname", "exists", "expanduser", "getatime", "getctime",
        "getmtime", "getsize", "isabs", "isdir", "isfile", "islink", "ismount", "join",
        "lexists", "normpath", "readlink", "realpath", "relpath", "samefile", "split",
        "splitext", "commonpath",
    }
)  # fmt: skip
_OS_FUNCTIONS = frozenset(
    {
        "chmod", "getcwd", "listdir", "lstat", "makedirs", "mkdir", "readlink", "remove",
        "removedirs", "rename", "replace", "rmdir", "scandir", "stat", "symlink", "unlink",
        "walk",
    }
)  # fmt: skip


def _path_violation(qualified: str) -> str:
    module, _, name = qualified.rpartition(".")
    if module in {"os.path", "posixpath", "ntpath"} and name in _OS_PATH_FUNCTIONS:
        return f"`{qualified}()`; use `pathlib.Path`"
    if module == "os" and name in _OS_FUNCTIONS:
        return f"`os.{name}()`; use the `pathlib.Path` method"
    if qualified in {"glob.glob", "glob.iglob"}:
        return f"`{qualified}()`; use `Path.glob()`"
    if qualified == "open":
        return "builtin `open()`; use `Path.open()` or `Path.read_text()`"
    return ""


_PATH_METHODS = frozenset(
    {
        "exists", "is_file", "is_dir", "read_text", "write_text", "read_bytes", "write_bytes",
        "mkdir", "iterdir", "glob", "rglob", "resolve", "with_suffix", "relative_to",
    }
)  # fmt: skip


class Pathlib(Check):
    """Paths are `pathlib.Path`s, never `os.path`, `os` file functions or `open()`."""

    check_id: ClassVar[str] = "pathlib"

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `os.path.join(...)` and friends; count `Path(...)`."""
        qualified = self.context.qualified(node.func)
        if not qualified:
            return
        message = _path_violation(qualified)
        if message:
            self.flag(node, message)
        elif qualified in {"pathlib.Path", "pathlib.PurePath", "Path"} or (
            isinstance(node.func, Attribute) and node.func.attr.value in _PATH_METHODS
        ):
            self.ok()

    @override
    def visit_BinaryOperation(self, node: BinaryOperation) -> None:
        """Count `base / "name"`, a path built with pathlib."""
        if isinstance(node.operator, Divide) and (
            isinstance(node.left, SimpleString) or isinstance(node.right, SimpleString)
        ):
            self.ok()


def _imported_modules(node: Import | ImportFrom) -> list[tuple[CSTNode, str]]:
    """Each imported module (for `import`) or the source module (for `from`)."""
    if isinstance(node, Import):
        return [(alias, dotted(alias.name)) for alias in node.names]
    if node.relative or node.module is None:
        return []
    return [(node, dotted(node.module))]


class _ModuleBan(Check):
    """Base of checks that ban some modules in favour of others."""

    banned: ClassVar[Mapping[str, str]] = {}
    preferred: ClassVar[frozenset[str]] = frozenset()

    def _judge(self, node: Import | ImportFrom) -> None:
        for where, module in _imported_modules(node):
            top = module.partition(".")[0]
            if top in self.banned:
                self.flag(where, f"`{module}` imported; {self.banned[top]}")
            elif top in self.preferred:
                self.ok()

    @override
    def visit_Import(self, node: Import) -> None:
        """Judge `import x`."""
        self._judge(node)

    @override
    def visit_ImportFrom(self, node: ImportFrom) -> None:
        """Judge `from x import y`."""
        self._judge(node)


class Tomllib(_ModuleBan):
    """TOML is read with the standard `tomllib`, never `toml`/`tomli`."""

    check_id: ClassVar[str] = "tomllib"
    banned: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"toml": "use the standard `tomllib`", "tomli": "use the standard `tomllib`"}
    )
    preferred: ClassVar[frozenset[str]] = frozenset({"tomllib", "tomli_w"})


class NoPytz(_ModuleBan):
    """Time zones come from `zoneinfo`, never `pytz`."""

    check_id: ClassVar[str] = "no-pytz"
    banned: ClassVar[Mapping[str, str]] = MappingProxyType({"pytz": "use `zoneinfo.ZoneInfo`"})
    preferred: ClassVar[frozenset[str]] = frozenset({"zoneinfo"})


class Orjson(_ModuleBan):
    """JSON goes through `orjson`, not the standard `json`."""

    check_id: ClassVar[str] = "orjson"
    banned: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"json": "use `orjson` (`orjson.dumps`/`orjson.loads`)"}
    )
    preferred: ClassVar[frozenset[str]] = frozenset({"orjson"})


class NoPickle(_ModuleBan):
    """Data is never (un)pickled."""

    check_id: ClassVar[str] = "no-pickle"
    _WHY: ClassVar[str] = (
        "pickle runs code from its input; use JSON (`orjson`) or a schema'd format"
    )
    banned: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"pickle": _WHY, "cPickle": _WHY, "dill": _WHY, "shelve": _WHY, "cloudpickle": _WHY}
    )
    preferred: ClassVar[frozenset[str]] = frozenset(
        {"json", "orjson", "msgpack", "marshmallow", "pydantic"}
    )


_DATACLASS = frozenset({"dataclasses.dataclass", "dataclass"})


def _dataclass_options(
    context: FileContext, node: ClassDef
) -> tuple[Decorator, dict[str, bool]] | None:
    """A class's `@dataclass` decorator and its boolean options; None if it has none."""
    for decorator in node.decorators:
        expression = decorator.decorator
        call = expression if isinstance(expression, Call) else None
        target = call.func if call else expression
        if context.qualified(target) not in _DATACLASS:
            continue
        options: dict[str, bool] = {}
        for arg in call.args if call else ():
            if arg.keyword is not None and isinstance(arg.value, Name):
                options[arg.keyword.value] = arg.value.value == "True"
        return decorator, options
    return None


class _DataclassCheck(Check):
    """Base of the dataclass option checks."""

    required: tuple[str, ...] = ()

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a dataclass's options."""
        found = _dataclass_options(self.context, node)
        if found is None:
            return
        decorator, options = found
        missing = [name for name in self.required if not options.get(name)]
        if missing:
            wanted = ", ".join(f"{name}=True" for name in missing)
            self.flag(decorator, f"dataclass `{node.name.value}` lacks {wanted}")
        else:
            self.ok()


class DataclassOptions(_DataclassCheck):
    """Dataclasses are declared `frozen=True, slots=True, kw_only=True`."""

    check_id: ClassVar[str] = "dataclass-options"
    required: ClassVar[tuple[str, ...]] = ("frozen", "slots", "kw_only")


class DataclassFrozen(_DataclassCheck):
    """Dataclasses are declared `frozen=True`."""

    check_id: ClassVar[str] = "dataclass-frozen"
    required: ClassVar[tuple[str, ...]] = ("frozen",)


class DataclassKwOnly(_DataclassCheck):
    """Dataclasses are declared `kw_only=True`."""

    check_id: ClassVar[str] = "dataclass-kw-only"
    required: ClassVar[tuple[str, ...]] = ("kw_only",)


_FORMAT_SPEC = re_compile(r"%[-#0 +]*(\*|\d+)?(\.(\*|\d+))?[a-zA-Z%]|%\(")


class FStrings(Check):
    """Strings are formatted with f-strings, never `%` or `.format()`."""

    check_id: ClassVar[str] = "f-strings"
    fixable: ClassVar[bool] = True

    @override
    def visit_FormattedString(self, node: FormattedString) -> None:
        """Count an f-string."""
        self.ok()

    @override
    def visit_BinaryOperation(self, node: BinaryOperation) -> None:
        """Flag `"..." % args`."""
        left = node.left
        if (
            isinstance(node.operator, Modulo)
            and isinstance(left, SimpleString)
            and _FORMAT_SPEC.search(left.value)
        ):
            self.flag(node, "`%` formatting; use an f-string", fixable=False)

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `"...".format(...)`."""
        func = node.func
        if (
            isinstance(func, Attribute)
            and func.attr.value == "format"
            and isinstance(func.value, SimpleString | ConcatenatedString)
        ):
            fixable = format_to_fstring(node) is not None
            self.flag(node, "`.format()`; use an f-string", fixable=fixable)


class DuplicateCaseArms(Check):
    """No two arms of a `match` have the same body; merge them with `|`."""

    check_id: ClassVar[str] = "duplicate-case-arms"

    @override
    def visit_Match(self, node: Match) -> None:
        """Compare the bodies of the arms."""
        render = Module(body=()).code_for_node
        seen: dict[str, str] = {}
        for case in node.cases:
            body = render(case.body).strip()
            pattern = render(case.pattern).strip()
            if body in seen and case.guard is None:
                self.flag(case, f"`case {pattern}` repeats the body of `case {seen[body]}`")
            else:
                seen.setdefault(body, pattern)
                self.ok()


_NAIVE = {
    "datetime.datetime.now": "tz",
    "datetime.datetime.fromtimestamp": "tz",
    "datetime.datetime": "tzinfo",
    "datetime.datetime.utcnow": "",
    "datetime.datetime.utcfromtimestamp": "",
    "datetime.datetime.today": "",
    "datetime.date.today": "",
}
_TZ_POSITION = {"datetime.datetime.now": 0, "datetime.datetime.fromtimestamp": 1}


class TimezoneAware(Check):
    """Datetimes are timezone-aware: `datetime.now(UTC)`, never `utcnow()` or a naive one."""

    check_id: ClassVar[str] = "timezone-aware"

    @override
    def visit_Call(self, node: Call) -> None:
        """Judge datetime constructors."""
        qualified = self.context.qualified(node.func)
        if qualified.count(".") == 1 and "datetime" not in self.context.aliases:
            qualified = f"datetime.{qualified}"  # a snippet without its import
        if qualified == "datetime.datetime.strptime":
            self._strptime(node)
            return
        if qualified not in _NAIVE:
            return
        keyword = _NAIVE[qualified]
        keywords = {arg.keyword.value for arg in node.args if arg.keyword is not None}
        positional = sum(1 for arg in node.args if arg.keyword is None and not arg.star)
        aware = bool(keyword) and (
            keyword in keywords or positional > _TZ_POSITION.get(qualified, 7)
        )
        if aware:
            self.ok()
        else:
            name = qualified.removeprefix("datetime.")
            self.flag(node, f"`{name}()` makes a naive datetime; pass a timezone (`UTC`)")

    def _strptime(self, node: Call) -> None:
        fmt = node.args[1].value if len(node.args) > 1 else None
        if isinstance(fmt, SimpleString) and "%z" in fmt.value:
            self.ok()
        else:
            self.flag(
                node, "`strptime()` without `%z` makes a naive datetime; add `.replace(tzinfo=...)`"
            )


class Comprehensions(Check):
    """Comprehensions, never `map()`/`filter()` with a lambda."""

    check_id: ClassVar[str] = "comprehensions"

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `map(lambda ...)` and `filter(lambda ...)`."""
        name = self.context.qualified(node.func)
        if name not in {"map", "filter"}:
            return
        if node.args and isinstance(node.args[0].value, Lambda):
            self.flag(node, f"`{name}()` with a lambda; write a comprehension")
        else:
            self.ok()

    @override
    def visit_ListComp(self, node: ListComp) -> None:
        """Count a comprehension."""
        self.ok()

    @override
    def visit_SetComp(self, node: SetComp) -> None:
        """Count a comprehension."""
        self.ok()

    @override
    def visit_DictComp(self, node: DictComp) -> None:
        """Count a comprehension."""
        self.ok()

    @override
    def visit_GeneratorExp(self, node: GeneratorExp) -> None:
        """Count a comprehension."""
        self.ok()


CHECKS: dict[str, type[Check]] = {
    cls.check_id: cls
    for cls in (
        FStringDebug,
        Pathlib,
        Tomllib,
        NoPytz,
        DataclassOptions,
        DataclassFrozen,
        DataclassKwOnly,
        FStrings,
        DuplicateCaseArms,
        TimezoneAware,
        Comprehensions,
        Orjson,
        NoPickle,
    )
}
