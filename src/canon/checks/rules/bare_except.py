"""The `bare-except` check: handlers name what they catch; never a bare `except:`."""

from typing import ClassVar, override

from libcst import CSTNode, ExceptHandler, Name, SimpleWhitespace

from canon.checks.base import Check
from canon.checks.helpers.handlers import reraises

__all__ = ["BareExcept"]


def _catch_exception(node: CSTNode) -> CSTNode:
    """`except:` as `except Exception:`."""
    if not isinstance(node, ExceptHandler) or node.type is not None:
        return node
    return node.with_changes(type=Name("Exception"), whitespace_after_except=SimpleWhitespace(" "))


class BareExcept(Check):
    """Handlers name what they catch; never a bare `except:`."""

    check_id: ClassVar[str] = "bare-except"
    summary: ClassVar[str] = "A bare `except:`."
    opportunity: ClassVar[str] = (
        "Flag `except:` unless it re-raises (clean-up then `raise`, as ruff's E722 allows)."
    )
    fixable: ClassVar[bool] = True

    @override
    def visit_ExceptHandler(self, node: ExceptHandler) -> None:
        """Flag `except:` unless it re-raises (clean-up then `raise`, as ruff's E722 allows)."""
        if node.type is None and not reraises(node.body, ""):
            message = "bare `except:`; catch `Exception` or something narrower"
            self.flag(node, message, fix=_catch_exception)
        else:
            self.ok()
