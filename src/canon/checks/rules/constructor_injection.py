"""The `constructor-injection` check: collaborators come in through the constructor.

A class that builds its own repository or client, a function that reaches for a module-level
service, and `global` state are dependencies a caller (or a test) cannot replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    Call,
    ClassDef,
    Name,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.typing_names import is_static

if TYPE_CHECKING:
    from libcst import (
        Assign,
        BaseExpression,
        FunctionDef,
        Global,
        Module,
        Param,
    )

    from canon.checks.base import FileContext

__all__ = ["ConstructorInjection"]


# Class-name endings that mark a collaborator (a service, a store, a client).
_COLLABORATORS = (
    "Adapter",
    "Broker",
    "Client",
    "DAO",
    "Dao",
    "Gateway",
    "Mailer",
    "Notifier",
    "Provider",
    "Publisher",
    "Repo",
    "Repository",
    "Sender",
    "Service",
    "Store",
    "UnitOfWork",
)
# Names that end like a collaborator but are helpers a module may hold (pydantic's validator).
_NOT_COLLABORATORS = frozenset({"TypeAdapter"})
_PARAM_NAMES = frozenset(name.lower() for name in _COLLABORATORS) | {"repository", "uow"}


def _collaborator_class(node: BaseExpression) -> str:
    """The class a call constructs when it is a collaborator (`SqlOrderRepository`), else ""."""
    if not isinstance(node, Call):
        return ""
    name = dotted(node.func).rpartition(".")[2]
    if name[:1].isupper() and name.endswith(_COLLABORATORS) and name not in _NOT_COLLABORATORS:
        return name
    return ""


def _injected(param: Param) -> bool:
    """Whether a constructor parameter receives a collaborator (by its type or its name)."""
    annotation = param.annotation
    if annotation is not None:
        named = dotted(annotation.annotation).rpartition(".")[2]
        if named.endswith(_COLLABORATORS):
            return True
    name = param.name.value
    return name in _PARAM_NAMES or name.rpartition("_")[2] in _PARAM_NAMES


class ConstructorInjection(Check):
    """Collaborators come in through the constructor, not built inside or held module-wide."""

    check_id: ClassVar[str] = "constructor-injection"
    summary: ClassVar[str] = (
        "A collaborator built inside a class or held in a module-level instance, or `global`."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Collaborators are recognised by class-name endings (`...Repository`, `...Service`, "
        "`...Client`...); others go unseen, and a composition root's own wiring is reported."
    )
    opportunity: ClassVar[str] = (
        "A dependency on a collaborator (a class named `...Repository`, `...Service`, "
        "`...Client`, `...Gateway`...) or on module state: a constructor parameter receiving "
        "one, `self.x = Collaborator(...)` in a method, a module-level `Collaborator(...)` "
        "instance used inside a function, a `global` statement. Followed: the parameter. "
        "Violated: the others."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.singletons: dict[str, tuple[Assign, str]] = {}
        self.used: set[str] = set()

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Count a constructor parameter receiving a collaborator."""
        if node.name.value != "__init__" or self.context.enclosing_class() is None:
            return
        params = node.params
        self.ok(
            sum(
                _injected(param)
                for param in (*params.posonly_params, *params.params, *params.kwonly_params)
            )
        )

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Flag `self.x = Collaborator(...)`; remember a module-level collaborator instance."""
        built = _collaborator_class(node.value)
        if not built:
            return
        if not self.context.stack:
            for target in node.targets:
                if isinstance(target.target, Name):
                    self.singletons[target.target.value] = (node, built)
            return
        function = self.context.function()
        if function is None or not self._is_method(function) or is_static(function):
            return
        if any(dotted(d.decorator) == "classmethod" for d in function.decorators):
            return
        for target in node.targets:
            held = target.target
            if isinstance(held, Attribute) and dotted(held.value) == "self":
                self.flag(
                    node,
                    f"`{dotted(held)} = {built}(...)` builds the collaborator; take it as a "
                    "constructor parameter",
                )

    def _is_method(self, function: FunctionDef) -> bool:
        stack = self.context.stack
        index = next(i for i in range(len(stack) - 1, -1, -1) if stack[i] is function)
        return index > 0 and isinstance(stack[index - 1], ClassDef)

    @override
    def visit_Name(self, node: Name) -> None:
        """Note a module-level collaborator used inside a function (not one it is passed)."""
        function = self.context.function()
        if node.value not in self.singletons or function is None:
            return
        params = function.params
        own = (*params.posonly_params, *params.params, *params.kwonly_params)
        if all(param.name.value != node.value for param in own):
            self.used.add(node.value)

    @override
    def visit_Global(self, node: Global) -> None:
        """Flag `global` state."""
        names = ", ".join(item.name.value for item in node.names)
        self.flag(node, f"`global {names}`; pass the state in through a constructor instead")

    @override
    def leave_Module(self, original_node: Module) -> None:
        """Flag the module-level collaborators functions reach for."""
        for name, (node, built) in self.singletons.items():
            if name in self.used:
                self.flag(
                    node,
                    f"module-level `{name} = {built}(...)` used by functions; inject it "
                    "through the constructor of the code that needs it",
                )
