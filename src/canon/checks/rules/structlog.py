"""The `structlog` check: logging goes through structlog: no `print()`, no standard `logging`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import Call

__all__ = ["Structlog"]


_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical"})


# Flask's `app.logger` and `current_app.logger` are standard `logging.Logger`s.
_FLASK_APPS = frozenset({"app", "current_app", "flask.current_app"})


class Structlog(Check):
    """Logging goes through structlog: no `print()`, no standard `logging`."""

    check_id: ClassVar[str] = "structlog"
    summary: ClassVar[str] = "`print()` or the standard `logging` module instead of structlog."
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Scripts that must print are flagged too. Other loggers than `logging`'s own are "
        "recognised only as Flask's `app.logger`/`current_app.logger`."
    )
    opportunity: ClassVar[str] = (
        "Flag `print()` and `logging` calls; count structlog loggers (and its configuration)."
    )

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `print()` and `logging` calls; count structlog loggers (and its configuration)."""
        qualified = self.context.qualified(node.func)
        module, _, name = qualified.rpartition(".")
        if qualified == "print":
            self.flag(node, "`print()`; log with structlog (`log.info(...)`)")
        elif module == "logging" and (name in _LOG_METHODS or name == "getLogger"):
            self.flag(node, f"`logging.{name}()`; use `structlog.get_logger()`")
        elif name in _LOG_METHODS and self._flask_logger(module):
            spelled = dotted(node.func)
            self.flag(node, f"`{spelled}()` is a standard `logging` logger; use structlog")
        elif qualified.startswith("structlog.") and name in {
            "get_logger",
            "getLogger",
            "configure",
        }:
            self.ok()

    def _flask_logger(self, receiver: str) -> bool:
        """Whether a qualified receiver is Flask's `app.logger` (`self.app.logger` too)."""
        owner, _, attribute = receiver.rpartition(".")
        return attribute == "logger" and (
            owner in _FLASK_APPS or owner.rpartition(".")[2] in {"app", "current_app"}
        )
