"""The `structlog` check: logging goes through structlog: no `print()`, no standard `logging`."""

from typing import ClassVar, override

from libcst import Call

from canon.checks.base import Check

__all__ = ["Structlog"]


_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical"})


class Structlog(Check):
    """Logging goes through structlog: no `print()`, no standard `logging`."""

    check_id: ClassVar[str] = "structlog"
    summary: ClassVar[str] = "`print()` or the standard `logging` module instead of structlog."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = "Scripts that must print are flagged too."
    opportunity: ClassVar[str] = "Flag `print()` and `logging` calls; count structlog loggers."

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `print()` and `logging` calls; count structlog loggers."""
        qualified = self.context.qualified(node.func)
        module, _, name = qualified.rpartition(".")
        if qualified == "print":
            self.flag(node, "`print()`; log with structlog (`log.info(...)`)")
        elif module == "logging" and (name in _LOG_METHODS or name == "getLogger"):
            self.flag(node, f"`logging.{name}()`; use `structlog.get_logger()`")
        elif qualified.startswith("structlog.") and name in {"get_logger", "getLogger"}:
            self.ok()
