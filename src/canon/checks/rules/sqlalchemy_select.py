"""The `sqlalchemy-select` check.

Queries use `select()` with `Session.execute`/`scalars`, never `session.query()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    AsName,
    Assign,
    Attribute,
    Call,
    Name,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.sqlalchemy import SESSIONISH, class_assignments, from_sqlalchemy

if TYPE_CHECKING:
    from libcst import (
        AnnAssign,
        BaseExpression,
        ClassDef,
        Param,
        WithItem,
    )

    from canon.checks.base import FileContext

__all__ = ["SqlalchemySelect"]


_SESSION_CLASSES = ("Session", "AsyncSession", "scoped_session")
_SESSION_FACTORIES = ("sessionmaker", "async_sessionmaker", "scoped_session")


class SqlalchemySelect(Check):
    """Queries use `select()` with `Session.execute`/`scalars`, never `session.query()`."""

    check_id: ClassVar[str] = "sqlalchemy-select"
    summary: ClassVar[str] = "`session.query()` instead of `select()`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Recognises the receiver by name (`session`, `db`...), by a name the file binds to a "
        "session (`Session(...)`, `sessionmaker(...)()`, a `Session` annotation), or by "
        "the argument, a class of the file with a `__tablename__`."
    )
    opportunity: ClassVar[str] = "Flag `session.query(...)`, count `select(...)`."

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.factories: set[str] = set()
        self.sessions: set[str] = set()
        self.models: set[str] = set()

    def _qualified_is(self, node: BaseExpression, names: tuple[str, ...]) -> bool:
        qualified = self.context.qualified(node)
        return any(from_sqlalchemy(qualified, name) for name in names)

    def _makes_session(self, value: BaseExpression | None) -> bool:
        """Whether an expression makes a session: `Session(...)`, `factory()`, `factory.begin()`."""
        if not isinstance(value, Call):
            return False
        func = value.func
        if isinstance(func, Attribute) and func.attr.value == "begin":
            func = func.value
        if isinstance(func, Call):  # `sessionmaker(bind=engine)()`
            return self._qualified_is(func.func, _SESSION_FACTORIES)
        return self._qualified_is(func, _SESSION_CLASSES) or dotted(func) in self.factories

    def _bind(self, target: BaseExpression, value: BaseExpression | None) -> None:
        name = dotted(target).rpartition(".")[2]
        if not name:
            return
        if isinstance(value, Call) and self._qualified_is(value.func, _SESSION_FACTORIES):
            self.factories.add(dotted(target))
        elif self._makes_session(value):
            self.sessions.add(name)

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Record names bound to a session or a session factory."""
        for target in node.targets:
            self._bind(target.target, node.value)

    @override
    def visit_AnnAssign(self, node: AnnAssign) -> None:
        """Record names bound or annotated as a session."""
        self._bind(node.target, node.value)
        if self._qualified_is(node.annotation.annotation, _SESSION_CLASSES):
            self.sessions.add(dotted(node.target).rpartition(".")[2])

    @override
    def visit_WithItem(self, node: WithItem) -> None:
        """Record `with Session(engine) as name:`."""
        if isinstance(node.asname, AsName) and isinstance(node.asname.name, Name):
            self._bind(node.asname.name, node.item)

    @override
    def visit_Param(self, node: Param) -> None:
        """Record a parameter annotated as a session."""
        annotation = node.annotation
        if annotation is not None and self._qualified_is(annotation.annotation, _SESSION_CLASSES):
            self.sessions.add(node.name.value)

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Record a mapped class (one with a `__tablename__`)."""
        for assignment in class_assignments(node):
            targets = (
                [t.target for t in assignment.targets]
                if isinstance(assignment, Assign)
                else [assignment.target]
            )
            if any(dotted(t) == "__tablename__" for t in targets):
                self.models.add(node.name.value)

    def _queries_session(self, func: Attribute, call: Call) -> bool:
        receiver = dotted(func.value).rpartition(".")[2]
        if SESSIONISH.search(receiver) or receiver in self.sessions:
            return True
        first = call.args[0].value if call.args and call.args[0].keyword is None else None
        return first is not None and dotted(first).partition(".")[0] in self.models

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `session.query(...)`, count `select(...)`."""
        func = node.func
        if (
            isinstance(func, Attribute)
            and func.attr.value == "query"
            and self._queries_session(func, node)
        ):
            self.flag(node, "`session.query()`; use `session.scalars(select(...))`")
            return
        if from_sqlalchemy(self.context.qualified(func), "select"):
            self.ok()
