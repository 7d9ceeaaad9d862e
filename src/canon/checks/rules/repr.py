"""The `repr` check: classes that cannot inherit a `__repr__` define one."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar, override

from libcst import Call, FunctionDef, IndentedBlock, Name

from canon.checks.base import Check, dotted
from canon.checks.helpers.sqlalchemy import from_sqlalchemy
from canon.checks.helpers.targets import base_target, decorator_target

if TYPE_CHECKING:
    from libcst import Arg, Assign, ClassDef

    from canon.checks.base import FileContext

__all__ = ["Repr"]


_REPR_EXEMPT_BASES = frozenset(
    {
        "Enum",
        "IntEnum",
        "StrEnum",
        "Flag",
        "IntFlag",
        "NamedTuple",
        "TypedDict",
        "Protocol",
        "MappedAsDataclass",
    }
)


_REPR_EXEMPT_DECORATORS = frozenset({"dataclass", "define", "frozen", "attrs", "s", "dataclasses"})


_NO_REPR_BASES = frozenset({"object", "ABC", "Generic"})


# Imported bases known to give only `object`'s `<X object at 0x...>`.
_SQLALCHEMY_NO_REPR_BASES = ("DeclarativeBase", "DeclarativeBaseNoMeta")
_NO_REPR_IMPORTED_BASES = frozenset({"flask.views.MethodView", "flask.views.View"})


# Imported bases known to give a useful field-by-field `__repr__`: their subclasses follow the
# rule (an opportunity followed, not an unknown).
_REPR_IMPORTED_BASES = frozenset(
    {"pydantic.BaseModel", "pydantic.RootModel", "pydantic_settings.BaseSettings"}
)


def _test_module(path: str) -> bool:
    """Whether pytest collects the file (`test_*.py`, `*_test.py`) or it is a `conftest.py`."""
    name = PurePath(path).name
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def _repr_exempt(node: ClassDef) -> bool:
    """Whether the class gets a `__repr__` (or needs none) from its kind."""
    for base in node.bases:
        name = dotted(base_target(base)).rpartition(".")[2]
        if name in _REPR_EXEMPT_BASES or name.endswith(("Error", "Exception", "Warning")):
            return True
    for decorator in node.decorators:
        if dotted(decorator_target(decorator)).rpartition(".")[2] in _REPR_EXEMPT_DECORATORS:
            return True
    return False


class Repr(Check):
    """Classes that cannot inherit a `__repr__` define one.

    A class can inherit one from any base but `object`, `ABC`, `Generic[...]`, SQLAlchemy's
    `DeclarativeBase` (and a `declarative_base()` made in the file) and Flask's `View` and
    `MethodView`, unless the base is defined in the same file without one. Dataclasses
    (SQLAlchemy's `MappedAsDataclass` too), attrs classes, protocols, enums, exceptions,
    `TypedDict` and `NamedTuple` classes are exempt, and so are pytest's `Test...` classes
    in test modules (pytest makes their instances; nobody prints them). The declarative base
    (`class Base(DeclarativeBase)`) is not judged itself, only the models that derive from it.
    Pydantic models and settings inherit pydantic's `__repr__`: they follow the rule.
    """

    check_id: ClassVar[str] = "repr"
    summary: ClassVar[str] = "A class without `__repr__` that cannot inherit one."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A class can inherit one from any base but `object`, `ABC`, `Generic[...]`, "
        "SQLAlchemy's `DeclarativeBase` or `declarative_base()` and Flask's `MethodView`, "
        "unless the base is in the same file without one; other bases from other modules "
        "are assumed to give a useful `__repr__`. Dataclasses, attrs classes, protocols, "
        "enums, exceptions, `TypedDict` and `NamedTuple` classes are exempt by their "
        "decorator or base names only; `Test...` classes in test modules are exempt."
    )
    opportunity: ClassVar[str] = (
        "Judge a class (one that inherits `__repr__` from a base of the same file or from "
        "pydantic follows the rule; one whose other bases may give one is not judged)."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.has_repr: dict[str, bool | None] = {}

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Record `Base = declarative_base()`: a base without a `__repr__` of its own."""
        value = node.value
        if self.context.stack or not isinstance(value, Call):
            return
        if not from_sqlalchemy(self.context.qualified(value.func), "declarative_base"):
            return
        # `declarative_base(cls=Mixin)` gives the mixin's `__repr__`, if any
        mixin = next((a.value for a in value.args if a.keyword and a.keyword.value == "cls"), None)
        status = False if mixin is None else self.has_repr.get(dotted(mixin))
        for target in node.targets:
            if isinstance(target.target, Name):
                self.has_repr[target.target.value] = status

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a class."""
        name = node.name.value
        if name.startswith("Test") and _test_module(self.context.path):
            self.has_repr[name] = True
            return
        if _repr_exempt(node):
            protocol = any(dotted(base_target(b)).endswith("Protocol") for b in node.bases)
            self.has_repr[name] = not protocol
            return
        if any(self.context.qualified(base_target(b)) in _REPR_IMPORTED_BASES for b in node.bases):
            self.has_repr[name] = True
            self.ok()
            return
        body = node.body.body if isinstance(node.body, IndentedBlock) else ()
        own = "__repr__" in {s.name.value for s in body if isinstance(s, FunctionDef)}
        inherited = self._inherits(node)
        self.has_repr[name] = True if own else inherited
        if inherited is None or (not own and self._declarative_root(node)):
            # the declarative base itself is never instantiated; its models are judged
            return
        if own or inherited:
            self.ok()
        else:
            self.flag(node.name, f"class `{name}` has no `__repr__`")

    def _inherits(self, node: ClassDef) -> bool | None:
        """Whether the class inherits a `__repr__`.

        True when a base in this file has one, False when no base can give one, None when a
        base from elsewhere may, directly or through a base in this file (not applicable).
        """
        unknown = False
        for base in node.bases:
            name = dotted(base_target(base))
            if name.rpartition(".")[2] in _NO_REPR_BASES or self._no_repr_import(base):
                continue
            status = self.has_repr.get(name)
            if status is True:
                return True
            unknown = unknown or status is None
        return None if unknown else False

    def _declarative_root(self, node: ClassDef) -> bool:
        """Whether the class is `class Base(DeclarativeBase)`, the models' registry."""
        return any(
            from_sqlalchemy(self.context.qualified(base_target(base)), known)
            for base in node.bases
            for known in _SQLALCHEMY_NO_REPR_BASES
        )

    def _no_repr_import(self, base: Arg) -> bool:
        """Whether an imported base is known to give only `object`'s `__repr__`."""
        qualified = self.context.qualified(base_target(base))
        return qualified in _NO_REPR_IMPORTED_BASES or any(
            from_sqlalchemy(qualified, known) for known in _SQLALCHEMY_NO_REPR_BASES
        )
