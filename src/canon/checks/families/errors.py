"""Error-handling and async checks.

No bare `except`, `raise ... from`, `contextlib.suppress`, `CancelledError` re-raised, no
blocking calls in `async def`, `asyncio.TaskGroup`.
"""

from typing import ClassVar, override

from libcst import (
    Await,
    BaseSuite,
    Call,
    ClassDef,
    CSTVisitor,
    Element,
    ExceptHandler,
    Expr,
    FunctionDef,
    IndentedBlock,
    Lambda,
    Name,
    Pass,
    Raise,
    SimpleStatementLine,
    Try,
    Tuple,
)
from libcst import Ellipsis as EllipsisNode

from canon.checks.base import Check, FileContext, dotted

__all__ = [
    "CHECKS",
    "AsyncBlocking",
    "BareExcept",
    "CancelledErrorCheck",
    "ContextlibSuppress",
    "RaiseFrom",
    "TaskGroup",
    "reraises",
]


class BareExcept(Check):
    """Handlers name what they catch; never a bare `except:`."""

    check_id: ClassVar[str] = "bare-except"
    fixable: ClassVar[bool] = True

    @override
    def visit_ExceptHandler(self, node: ExceptHandler) -> None:
        """Flag `except:` unless it re-raises (clean-up then `raise`, as ruff's E722 allows)."""
        if node.type is None and not reraises(node.body, ""):
            self.flag(node, "bare `except:`; catch `Exception` or something narrower")
        else:
            self.ok()


def _handler(context: FileContext) -> ExceptHandler | None:
    """The except handler the current node is in, unless a function or class intervenes."""
    for node in reversed(context.stack):
        if isinstance(node, ExceptHandler):
            return node
        if isinstance(node, FunctionDef | ClassDef | Lambda):
            return None
    return None


class RaiseFrom(Check):
    """`raise` inside `except` chains the cause: `raise X(...) from exc`."""

    check_id: ClassVar[str] = "raise-from"

    @override
    def visit_Raise(self, node: Raise) -> None:
        """Judge a raise inside a handler."""
        handler = _handler(self.context)
        if handler is None or node.exc is None:
            return
        bound = handler.name.name if handler.name else None
        if isinstance(bound, Name) and dotted(node.exc) == bound.value:
            return
        if node.cause is None:
            self.flag(node, "`raise` in `except` without `from`; chain the cause (`from exc`)")
        else:
            self.ok()


_CANCELLATION = frozenset({"CancelledError", "BaseException", "BaseExceptionGroup"})


def _caught(node: ExceptHandler) -> set[str]:
    """The last names of what a handler catches (`CancelledError` for `asyncio.CancelledError`)."""
    if node.type is None:
        return {"BaseException"}
    types = node.type.elements if isinstance(node.type, Tuple) else [node.type]
    names = set()
    for element in types:
        value = element.value if isinstance(element, Element) else element
        names.add(dotted(value).rpartition(".")[2])
    return names


def _only_pass(body: BaseSuite) -> bool:
    statements = body.body if isinstance(body, IndentedBlock) else [body]
    for statement in statements:
        smalls = statement.body if isinstance(statement, SimpleStatementLine) else [statement]
        for small in smalls:
            if isinstance(small, Pass):
                continue
            if isinstance(small, Expr) and isinstance(small.value, EllipsisNode):
                continue
            return False
    return True


class ContextlibSuppress(Check):
    """Ignored exceptions use `contextlib.suppress()`, not `try`/`except`/`pass`.

    Cancellation is exempt: `suppress(CancelledError)` is what the standard forbids.
    """

    check_id: ClassVar[str] = "contextlib-suppress"

    @override
    def visit_Try(self, node: Try) -> None:
        """Judge a `try` statement."""
        if len(node.handlers) != 1 or node.orelse or node.finalbody:
            return
        handler = node.handlers[0]
        if _caught(handler) & _CANCELLATION:
            return
        if _only_pass(handler.body):
            caught = ", ".join(sorted(_caught(handler)))
            self.flag(node, f"`try`/`except {caught}: pass`; use `contextlib.suppress({caught})`")
        else:
            self.ok()

    @override
    def visit_Call(self, node: Call) -> None:
        """Count `suppress(...)`."""
        if self.context.qualified(node.func) == "contextlib.suppress":
            self.ok()


def reraises(body: BaseSuite, bound: str) -> bool:
    """Whether a handler body contains a bare `raise` (or raises what it caught).

    Args:
        body: The handler's body.
        bound: The name the handler binds (`as exc`), or "".

    Returns:
        True when the body re-raises.
    """
    found = False

    class Finder(CSTVisitor):
        def visit_FunctionDef(self, node: FunctionDef) -> bool:
            return False

        def visit_Raise(self, node: Raise) -> None:
            nonlocal found
            if node.exc is None or (bound and dotted(node.exc) == bound):
                found = True

    body.visit(Finder())
    return found


class CancelledErrorCheck(Check):
    """`CancelledError` is never swallowed: a handler that catches it re-raises it."""

    check_id: ClassVar[str] = "cancelled-error"

    @override
    def visit_ExceptHandler(self, node: ExceptHandler) -> None:
        """Judge a handler that catches cancellation."""
        caught = _caught(node)
        explicit = "CancelledError" in caught
        if not explicit and not (self.context.in_async() and caught & _CANCELLATION):
            return
        bound = node.name.name.value if node.name and isinstance(node.name.name, Name) else ""
        if reraises(node.body, bound):
            self.ok()
        else:
            what = "CancelledError" if explicit else ", ".join(sorted(caught))
            self.flag(node, f"`except {what}` swallows cancellation; re-raise it with `raise`")

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `suppress(CancelledError)`."""
        if self.context.qualified(node.func) != "contextlib.suppress":
            return
        names = {dotted(arg.value).rpartition(".")[2] for arg in node.args}
        if "CancelledError" in names:
            self.flag(node, "`suppress(CancelledError)` swallows cancellation; let it propagate")


_BLOCKING = {
    "time.sleep": "`await asyncio.sleep()`",
    "open": "`aiofiles.open()` or `await asyncio.to_thread()`",
    "input": "`await asyncio.to_thread(input)`",
    "os.system": "`await asyncio.create_subprocess_shell()`",
    "subprocess.run": "`await asyncio.create_subprocess_exec()`",
    "subprocess.call": "`await asyncio.create_subprocess_exec()`",
    "subprocess.check_call": "`await asyncio.create_subprocess_exec()`",
    "subprocess.check_output": "`await asyncio.create_subprocess_exec()`",
    "subprocess.Popen": "`await asyncio.create_subprocess_exec()`",
    "urllib.request.urlopen": "an async HTTP client (`httpx.AsyncClient`)",
    "socket.create_connection": "`await asyncio.open_connection()`",
}
_BLOCKING_MODULES = {"requests": "an async HTTP client (`httpx.AsyncClient`)"}
_HTTPX_SYNC = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})


def _blocking_advice(qualified: str) -> str:
    if qualified in _BLOCKING:
        return _BLOCKING[qualified]
    module, _, name = qualified.partition(".")
    if module in _BLOCKING_MODULES and name:
        return _BLOCKING_MODULES[module]
    if module == "httpx" and name in _HTTPX_SYNC:
        return "`httpx.AsyncClient`"
    if qualified.endswith((".read_text", ".write_text", ".read_bytes", ".write_bytes")):
        return "`aiofiles` or `await asyncio.to_thread()`"
    return ""


class AsyncBlocking(Check):
    """`async def` never makes a known blocking call."""

    check_id: ClassVar[str] = "async-blocking"

    @override
    def visit_Await(self, node: Await) -> None:
        """Count an awaited call in async code."""
        if self.context.in_async():
            self.ok()

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag a blocking call inside `async def`."""
        if not self.context.in_async():
            return
        qualified = self.context.qualified(node.func)
        if not qualified:
            return
        advice = _blocking_advice(qualified)
        if advice:
            self.flag(node, f"blocking `{qualified}()` in `async def`; use {advice}")


_TASK_APIS = {
    "asyncio.gather": "`asyncio.gather()`; use `async with asyncio.TaskGroup()`",
    "asyncio.create_task": "bare `asyncio.create_task()`; start tasks in a `TaskGroup`",
    "asyncio.ensure_future": "`asyncio.ensure_future()`; start tasks in a `TaskGroup`",
    "asyncio.wait": "`asyncio.wait()`; use `async with asyncio.TaskGroup()`",
}


class TaskGroup(Check):
    """Concurrent tasks run in an `asyncio.TaskGroup`, not `gather`/bare `create_task`."""

    check_id: ClassVar[str] = "task-group"

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `gather`, bare `create_task`, `wait`; count `TaskGroup()`."""
        qualified = self.context.qualified(node.func)
        if qualified in _TASK_APIS:
            self.flag(node, _TASK_APIS[qualified])
        elif qualified in {"asyncio.TaskGroup", "anyio.create_task_group"}:
            self.ok()


CHECKS: dict[str, type[Check]] = {
    cls.check_id: cls
    for cls in (
        BareExcept,
        RaiseFrom,
        ContextlibSuppress,
        CancelledErrorCheck,
        AsyncBlocking,
        TaskGroup,
    )
}
