"""The `async-blocking` check: `async def` never makes a known blocking call."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import FunctionDef, Lambda

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import Await, Call

__all__ = ["AsyncBlocking"]


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
    summary: ClassVar[str] = (
        "A known blocking call (`time.sleep`, `requests`, `open`...) inside `async def`."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Only calls from a fixed list are known; other blocking calls go unseen."
    )
    opportunity: ClassVar[str] = (
        "Count an awaited call in async code. Flag a blocking call inside `async def`; "
        "one inside a lambda is not (it runs where it is handed, `asyncio.to_thread(lambda: "
        "path.read_text())`)."
    )

    def _in_lambda(self) -> bool:
        """Whether the innermost enclosing function is a lambda."""
        for node in reversed(self.context.stack):
            if isinstance(node, Lambda):
                return True
            if isinstance(node, FunctionDef):
                return False
        return False

    @override
    def visit_Await(self, node: Await) -> None:
        """Count an awaited call in async code."""
        if self.context.in_async():
            self.ok()

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag a blocking call inside `async def`."""
        if not self.context.in_async() or self._in_lambda():
            return
        qualified = self.context.qualified(node.func)
        if not qualified:
            return
        advice = _blocking_advice(qualified)
        if advice:
            self.flag(node, f"blocking `{qualified}()` in `async def`; use {advice}")
