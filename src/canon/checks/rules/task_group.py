"""The `task-group` check.

Concurrent tasks run in an `asyncio.TaskGroup`, not `gather`/bare `create_task`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import Call

__all__ = ["TaskGroup"]


_TASK_APIS = {
    "asyncio.gather": "`asyncio.gather()`; use `async with asyncio.TaskGroup()`",
    "asyncio.create_task": "bare `asyncio.create_task()`; start tasks in a `TaskGroup`",
    "asyncio.ensure_future": "`asyncio.ensure_future()`; start tasks in a `TaskGroup`",
    "asyncio.wait": "`asyncio.wait()`; use `async with asyncio.TaskGroup()`",
}


class TaskGroup(Check):
    """Concurrent tasks run in an `asyncio.TaskGroup`, not `gather`/bare `create_task`."""

    check_id: ClassVar[str] = "task-group"
    summary: ClassVar[str] = "`asyncio.gather`/`create_task`/`wait` instead of `asyncio.TaskGroup`."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Every use is flagged, including ones a TaskGroup cannot express."
    opportunity: ClassVar[str] = "Flag `gather`, bare `create_task`, `wait`; count `TaskGroup()`."

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `gather`, bare `create_task`, `wait`; count `TaskGroup()`."""
        qualified = self.context.qualified(node.func)
        if qualified in _TASK_APIS:
            self.flag(node, _TASK_APIS[qualified])
        elif qualified in {"asyncio.TaskGroup", "anyio.create_task_group"}:
            self.ok()
