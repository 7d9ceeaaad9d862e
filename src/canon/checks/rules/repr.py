"""The `repr` check: classes that cannot inherit a `__repr__` define one."""

from typing import ClassVar, override

from libcst import ClassDef, FunctionDef, IndentedBlock

from canon.checks.base import Check, FileContext, dotted
from canon.checks.helpers.targets import base_target, decorator_target

__all__ = ["Repr"]


_REPR_EXEMPT_BASES = frozenset(
    {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "NamedTuple", "TypedDict", "Protocol"}
)


_REPR_EXEMPT_DECORATORS = frozenset({"dataclass", "define", "frozen", "attrs", "s", "dataclasses"})


_NO_REPR_BASES = frozenset({"object", "ABC", "Generic"})


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

    A class can inherit one from any base but `object`, `ABC` and `Generic[...]`, unless the
    base is defined in the same file without one. Dataclasses, attrs classes, protocols,
    enums, exceptions, `TypedDict` and `NamedTuple` classes are exempt.
    """

    check_id: ClassVar[str] = "repr"
    summary: ClassVar[str] = "A class without `__repr__` that cannot inherit one."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "A class can inherit one from any base but `object`, `ABC` and `Generic[...]`, "
        "unless the base is in the same file without one; bases from other modules are "
        "assumed to give a useful `__repr__`. Dataclasses, attrs classes, protocols, "
        "enums, exceptions, `TypedDict` and `NamedTuple` classes are exempt by their "
        "decorator or base names only."
    )
    opportunity: ClassVar[str] = "Judge a class."

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.has_repr: dict[str, bool | None] = {}

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge a class."""
        name = node.name.value
        if _repr_exempt(node):
            protocol = any(dotted(base_target(b)).endswith("Protocol") for b in node.bases)
            self.has_repr[name] = not protocol
            return
        body = node.body.body if isinstance(node.body, IndentedBlock) else ()
        own = "__repr__" in {s.name.value for s in body if isinstance(s, FunctionDef)}
        inherited = self._inherits(node)
        self.has_repr[name] = True if own else inherited
        if inherited is None:
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
            if name.rpartition(".")[2] in _NO_REPR_BASES:
                continue
            status = self.has_repr.get(name)
            if status is True:
                return True
            unknown = unknown or status is None
        return None if unknown else False
