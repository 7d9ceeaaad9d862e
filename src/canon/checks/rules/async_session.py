"""The `async-session` check: `async def` code talks to the database through `AsyncSession`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Attribute,
    BinaryOperation,
    Index,
    Subscript,
)

from canon.checks.base import Check, dotted
from canon.checks.helpers.sqlalchemy import SESSIONISH, from_sqlalchemy

if TYPE_CHECKING:
    from libcst import (
        Await,
        BaseExpression,
        Call,
        FunctionDef,
    )

    from canon.checks.base import FileContext

__all__ = ["AsyncSession"]


# Session methods that do I/O: an `AsyncSession` must await them.
_SESSION_IO = frozenset(
    {
        "commit",
        "execute",
        "flush",
        "merge",
        "refresh",
        "rollback",
        "scalar",
        "scalars",
        "stream",
        "stream_scalars",
    }
)
_SYNC_FACTORIES = ("Session", "sessionmaker", "scoped_session")
_ASYNC_FACTORIES = ("AsyncSession", "async_sessionmaker", "async_scoped_session")


def _annotated_types(annotation: BaseExpression) -> list[BaseExpression]:
    """The types an annotation names: both sides of `|`, the first of `Annotated[...]`."""
    if isinstance(annotation, BinaryOperation):
        return [*_annotated_types(annotation.left), *_annotated_types(annotation.right)]
    if isinstance(annotation, Subscript) and dotted(annotation.value).endswith("Annotated"):
        first = annotation.slice[0].slice
        return _annotated_types(first.value) if isinstance(first, Index) else []
    return [annotation]


class AsyncSession(Check):
    """`async def` code talks to the database through `AsyncSession`, not a sync `Session`."""

    check_id: ClassVar[str] = "async-session"
    summary: ClassVar[str] = "A synchronous SQLAlchemy `Session` used inside `async def`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Recognises a session by its name (`session`, `db`...) or its `Session` annotation "
        "imported from SQLAlchemy; another synchronous database handle under such a name is "
        "reported too."
    )
    opportunity: ClassVar[str] = (
        "Database session use directly inside `async def`: a parameter annotated with a "
        "session type, a session or session factory created, and a session's I/O method "
        "(`execute`, `scalars`, `commit`...) called. Followed: `AsyncSession`, "
        "`async_sessionmaker`, awaited I/O. Violated: `Session`, `sessionmaker`, un-awaited I/O."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.awaited: set[int] = set()

    def _judge_type(self, node: BaseExpression, where: BaseExpression) -> None:
        qualified = self.context.qualified(node)
        if any(from_sqlalchemy(qualified, name) for name in _ASYNC_FACTORIES):
            self.ok()
        elif qualified.startswith(("sqlalchemy.", "sqlmodel.")) and any(
            from_sqlalchemy(qualified, name) for name in _SYNC_FACTORIES
        ):
            name = qualified.rpartition(".")[2]
            self.flag(where, f"`{name}` in `async def`; use `AsyncSession`/`async_sessionmaker`")

    @override
    def visit_FunctionDef(self, node: FunctionDef) -> None:
        """Judge the session types an `async def`'s parameters are annotated with."""
        if node.asynchronous is None:
            return
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            if param.annotation is not None:
                for named in _annotated_types(param.annotation.annotation):
                    self._judge_type(named, param.annotation)

    @override
    def visit_Await(self, node: Await) -> None:
        """Note the awaited call."""
        self.awaited.add(id(node.expression))

    @override
    def visit_Call(self, node: Call) -> None:
        """Judge a session created or used directly inside `async def`."""
        if not self.context.in_async():
            return
        func = node.func
        if isinstance(func, Attribute) and func.attr.value in _SESSION_IO:
            receiver = dotted(func.value)
            if not SESSIONISH.search(receiver.rpartition(".")[2]):
                return
            if id(node) in self.awaited:
                self.ok()
            else:
                self.flag(
                    node,
                    f"`{receiver}.{func.attr.value}()` not awaited in `async def`: a "
                    "synchronous session blocks the event loop; use `AsyncSession`",
                )
            return
        self._judge_type(func, node)
